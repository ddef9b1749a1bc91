from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from shop.health import healthz, readyz

admin.site.site_header = "Oh my Lot ! — administration"
admin.site.site_title = "Oh my Lot !"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(path("", include("shop.storefront.urls")))

if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
