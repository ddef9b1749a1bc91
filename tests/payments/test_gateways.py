"""The gateway interface the storefront and the API share, with the built-in test gateway."""

import pytest
from django.core.exceptions import ValidationError

from shop.orders.models import OrderStatus, PaymentStatus
from shop.payments.error_codes import PaymentErrorCode
from shop.payments.gateway import STRIPE_GATEWAY_ID, TEST_GATEWAY_ID, PaymentInitStatus
from shop.payments.services import payment_gateways_available, payment_initialize
from tests.factories import make_order, make_variant

pytestmark = pytest.mark.django_db


def test_without_stripe_keys_only_the_test_gateway_is_offered():
    assert [(g.id, g.is_test) for g in payment_gateways_available()] == [(TEST_GATEWAY_ID, True)]


def test_the_test_gateway_settles_at_once():
    order = make_order((make_variant(), 1))

    result = payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID, data={})

    order.refresh_from_db()
    assert (result.status, result.amount, result.data) == (
        PaymentInitStatus.SUCCEEDED,
        order.total,
        {},
    )
    assert result.reference == order.payment_reference
    assert result.reference.startswith("test-payment-")
    assert (order.status, order.payment_status) == (OrderStatus.UNFULFILLED, PaymentStatus.PAID)


def test_the_test_gateway_declines_when_asked():
    variant = make_variant(stock_quantity=4)
    order = make_order((variant, 3))

    result = payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID, data={"decline": True})

    order.refresh_from_db()
    variant.refresh_from_db()
    assert result.status == PaymentInitStatus.DECLINED
    assert (order.status, order.payment_status) == (OrderStatus.CANCELLED, PaymentStatus.FAILED)
    assert variant.stock_quantity == 4


def test_an_order_already_paid_cannot_be_paid_again():
    order = make_order((make_variant(), 1))
    payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)
    with pytest.raises(ValidationError) as error:
        payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)
    assert error.value.code == PaymentErrorCode.ORDER_NOT_PAYABLE
    assert order.events.filter(action="orders.order.paid").count() == 1


def test_stripe_cannot_be_used_before_it_is_configured():
    order = make_order((make_variant(), 1))
    with pytest.raises(ValidationError) as error:
        payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID)
    assert error.value.code == PaymentErrorCode.GATEWAY_NOT_AVAILABLE
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.UNPAID
    assert not order.payments.exists()
