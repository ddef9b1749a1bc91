"""The brand's pages, under the language prefix: /fr/marque/..."""

from django.urls import path

from branding import views

app_name = "branding"
urlpatterns = [
    path("posters/<slug:seller_slug>/", views.posters, name="posters"),
    path(
        "posters/<slug:seller_slug>/<slug:tag>/<str:size>.<str:file_format>",
        views.poster,
        name="poster",
    ),
    path("newsletter/", views.newsletter, name="newsletter"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
