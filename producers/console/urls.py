"""The chamber console, under the language prefix: /fr/chambre/..."""

from django.urls import path

from producers.console import views, views_decisions

app_name = "console"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("producteurs/<int:pk>/", views.producer_page, name="producer"),
    path("produits/<int:pk>/", views.product_page, name="product"),
    path("modifications/<int:pk>/", views.revision_page, name="revision"),
    path("preuves/<int:pk>/", views.claim_proof, name="claim_proof"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("journal.csv", views.audit_export, name="audit_export"),
    path(
        "producteurs/<int:pk>/decision/", views_decisions.producer_decision, name="producer_decide"
    ),
    path("produits/<int:pk>/decision/", views_decisions.product_decision, name="product_decide"),
    path("preuves/<int:pk>/decision/", views_decisions.claim_decision, name="claim_decide"),
    path(
        "modifications/<int:pk>/decision/",
        views_decisions.revision_decision,
        name="revision_decide",
    ),
    path(
        "producteurs/<int:pk>/chambre/",
        views_decisions.producer_reassignment,
        name="producer_reassign",
    ),
    path(
        "produits/<int:pk>/chambre/", views_decisions.product_reassignment, name="product_reassign"
    ),
]
