"""What every resolver receives as `info.context`: who asks, in which request, and the
request's loaders."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from shop.accounts.models import User
from shop.graphql.core.dataloaders import Loaders


@dataclass
class ApiContext:
    request: HttpRequest
    user: User | AnonymousUser
    loaders: Loaders = field(default_factory=Loaders)

    @property
    def signed_in_user(self) -> User | None:
        return self.user if self.user.is_authenticated else None

    @property
    def client_ip(self) -> str:
        """The client's address: the connection's, or the one the outermost of the
        settings.TRUSTED_PROXIES proxies saw (each adds its peer to X-Forwarded-For, so what
        a client writes there itself comes before them and is never read)."""
        forwarded = [
            part.strip()
            for part in self.request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        proxies = settings.TRUSTED_PROXIES
        if proxies and len(forwarded) >= proxies:
            return forwarded[-proxies]
        return self.request.META.get("REMOTE_ADDR", "")
