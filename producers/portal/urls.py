"""The producer portal, under the language prefix: /fr/producteur/..."""

from django.urls import path

from producers.portal.views import choice, listings, onboarding, orders, stock, team

app_name = "portal"
urlpatterns = [
    path("", onboarding.dashboard, name="dashboard"),
    path("inscription/", onboarding.signup, name="signup"),
    path("producteur-choisi/", choice.producer_choose, name="producer_choose"),
    path("inscription/envoyee/", onboarding.signup_sent, name="signup_sent"),
    path("inscription/<uidb64>/<token>/", onboarding.signup_confirm, name="signup_confirm"),
    path("profil/", onboarding.profile, name="profile"),
    path("photos/", onboarding.photos, name="photos"),
    path("documents/", onboarding.documents, name="documents"),
    path("documents/<int:document_id>/", onboarding.document_download, name="document_download"),
    path(
        "documents/<int:document_id>/supprimer/",
        onboarding.document_delete,
        name="document_delete",
    ),
    path("preuves/<int:claim_id>/", onboarding.claim_proof_download, name="claim_proof"),
    path("candidature/envoyer/", onboarding.application_submit, name="application_submit"),
    path("equipe/", team.team, name="team"),
    path("equipe/<int:member_id>/retirer/", team.member_remove, name="member_remove"),
    path("invitation/<str:token>/", team.invitation_accept, name="invitation_accept"),
    path("produits/", listings.product_list, name="product_list"),
    path("produits/nouveau/", listings.product_create, name="product_create"),
    path("produits/<int:product_id>/", listings.product_edit, name="product_edit"),
    path("produits/<int:product_id>/variantes/", listings.variant_save, name="variant_add"),
    path(
        "produits/<int:product_id>/variantes/<int:variant_id>/",
        listings.variant_save,
        name="variant_edit",
    ),
    path("produits/<int:product_id>/photos/", listings.photo_add, name="photo_add"),
    path("produits/<int:product_id>/photos/ordre/", listings.photos_order, name="photos_order"),
    path("produits/<int:product_id>/labels/", listings.claim_add, name="claim_add"),
    path(
        "produits/<int:product_id>/labels/<int:claim_id>/renouveler/",
        listings.claim_renew,
        name="claim_renew",
    ),
    path("produits/<int:product_id>/envoyer/", listings.product_send, name="product_send"),
    path(
        "produits/<int:product_id>/modifications/retirer/",
        listings.revision_withdraw,
        name="revision_withdraw",
    ),
    path("stock/", stock.stock_upload, name="stock"),
    path("commandes/", orders.order_list, name="order_list"),
    path("commandes/<int:group_id>/", orders.order_detail, name="order_detail"),
    path(
        "commandes/<int:group_id>/<str:step>/",
        orders.order_progress,
        name="order_progress",
    ),
    path("ventes/", orders.sales, name="sales"),
]
