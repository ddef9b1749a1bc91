from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from shop.graphql.views import ApiView, jwks
from shop.health import healthz, readyz
from shop.payments.views import stripe_webhook

admin.site.site_header = "Oh my Lot ! — administration"
admin.site.site_title = "Oh my Lot !"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("payments/stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("graphql/", ApiView.as_view(), name="graphql"),
    path(".well-known/jwks.json", jwks, name="jwks"),
]
urlpatterns += i18n_patterns(path("", include("shop.storefront.urls")))
urlpatterns += i18n_patterns(path("producteur/", include("producers.portal.urls")))
urlpatterns += i18n_patterns(path("marque/", include("branding.urls")))
urlpatterns += i18n_patterns(path("chambre/", include("producers.console.urls")))

if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
