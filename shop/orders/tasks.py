"""Celery tasks of the orders: they take ids and call a service. No one waits for what they
return, so the worker keeps no result (and the web process that queues one does not subscribe
to it)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from shop.orders import emails, fulfilment_emails, services


@shared_task(
    name="orders.order_confirmation_send",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=8,
)
def order_confirmation_send_task(order_id: int) -> bool:
    """Send the order confirmation once; a redelivered task finds it sent and does nothing."""
    return emails.order_confirmation_send(order_id=order_id)


@shared_task(name="orders.confirmations_missing_send", ignore_result=True)
def order_confirmations_missing_send_task() -> int:
    """Send the confirmations that paid orders still lack after a while (a lost task)."""
    return emails.order_confirmations_missing_send()


@shared_task(name="orders.orders_expire_unpaid", ignore_result=True)
def orders_expire_unpaid_task() -> int:
    """Give back the stock of orders left unpaid past their reservation."""
    return services.orders_expire_unpaid()


@shared_task(
    name="orders.group_shipped_email_send",
    ignore_result=True,
    autoretry_for=(ConnectionError, TimeoutError),
)
def group_shipped_email_send_task(group_id: int) -> bool:
    """Tell the buyer a producer shipped its part of the order."""
    return fulfilment_emails.group_shipped_email_send(group_id=group_id)


@shared_task(
    name="orders.group_ready_email_send",
    ignore_result=True,
    autoretry_for=(ConnectionError, TimeoutError),
)
def group_ready_email_send_task(group_id: int) -> bool:
    """Tell the buyer their order is ready for pickup."""
    return fulfilment_emails.group_ready_email_send(group_id=group_id)
