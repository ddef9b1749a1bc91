"""Shopper pages, under the language prefix (/fr/, /en/...). One module of views per area."""

from django.urls import path

from shop.storefront.views import home

app_name = "storefront"
urlpatterns = [
    path("", home.home, name="home"),
]
