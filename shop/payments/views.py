"""The gateways' calls to the shop (outside the language prefix)."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from shop.payments.webhooks import stripe_webhook_handle


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    result = stripe_webhook_handle(
        payload=request.body, signature=request.headers.get("Stripe-Signature")
    )
    return HttpResponse(result.outcome, status=result.status, content_type="text/plain")
