from django.conf import settings
from django.contrib import admin
from django.urls import path
from django.views.static import serve

from shop.health import healthz

admin.site.site_header = "Oh my Lot ! — administration"
admin.site.site_title = "Oh my Lot !"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
