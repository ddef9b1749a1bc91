"""Who is on the other end of a request, for the fronts that count a client's tries (the shop's
pages and the API count refused promo codes per client address)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: the connection's, or the one the outermost of the
    settings.TRUSTED_PROXIES proxies saw (each adds its peer to X-Forwarded-For, so what a
    client writes there itself comes before them and is never read)."""
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    proxies = settings.TRUSTED_PROXIES
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
