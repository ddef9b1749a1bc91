"""Shopper pages, under the language prefix (/fr/, /en/...). One module of views per area."""

from django.urls import path

from shop.storefront.views import (
    account,
    address_book,
    cart,
    checkout,
    deletion,
    email_change,
    home,
    legal,
    listings,
    producer,
    product,
    profile,
    search,
)

app_name = "storefront"
urlpatterns = [
    path("", home.home, name="home"),
    path("p/<slug:slug>/", product.product, name="product"),
    path("producers/<slug:slug>/", producer.producer, name="producer"),
    path("c/<slug:slug>/", listings.category, name="category"),
    path("collections/<slug:slug>/", listings.collection, name="collection"),
    path("search/", search.search, name="search"),
    path("cart/", cart.cart, name="cart"),
    path("cart/add/", cart.cart_add, name="cart_add"),
    path("cart/update/", cart.cart_update, name="cart_update"),
    path("cart/promo/", cart.cart_promo_add, name="cart_promo"),
    path("cart/promo/remove/", cart.cart_promo_remove, name="cart_promo_remove"),
    path("checkout/details/", checkout.details, name="checkout_details"),
    path("checkout/review/", checkout.review, name="checkout_review"),
    path("checkout/pay/<uuid:token>/", checkout.pay, name="checkout_pay"),
    path("checkout/pay/<uuid:token>/submit/", checkout.pay_submit, name="checkout_pay_submit"),
    path("checkout/pay/<uuid:token>/return/", checkout.pay_return, name="checkout_pay_return"),
    path("orders/<uuid:token>/", checkout.order_status, name="order_status"),
    path("account/signup/", account.signup, name="signup"),
    path("account/login/", account.LoginView.as_view(), name="login"),
    path("account/logout/", account.LogoutView.as_view(), name="logout"),
    path("account/orders/", account.orders, name="account_orders"),
    path("account/profile/", profile.profile, name="account_profile"),
    path("account/password/", profile.password_change, name="account_password_change"),
    path("account/email/", email_change.email_change, name="account_email_change"),
    path("account/email/<str:token>/", email_change.email_confirm, name="account_email_confirm"),
    path("account/delete/", deletion.deletion_request, name="account_delete"),
    path("account/delete/<str:token>/", deletion.deletion_confirm, name="account_delete_confirm"),
    path("account/addresses/", address_book.addresses, name="account_addresses"),
    path("account/addresses/new/", address_book.address_add, name="account_address_add"),
    path(
        "account/addresses/<int:pk>/edit/", address_book.address_edit, name="account_address_edit"
    ),
    path(
        "account/addresses/<int:pk>/delete/",
        address_book.address_delete,
        name="account_address_delete",
    ),
    path(
        "account/addresses/<int:pk>/default/",
        address_book.address_default,
        name="account_address_default",
    ),
    path(
        "account/password/reset/",
        account.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "account/password/reset/sent/",
        account.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/password/reset/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/password/reset/done/",
        account.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("legal/notice/", legal.notice, name="legal_notice"),
    path("legal/terms/", legal.terms, name="terms"),
    path("legal/privacy/", legal.privacy, name="privacy"),
    path("legal/mediator/", legal.mediator, name="mediator"),
]
