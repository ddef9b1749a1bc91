"""What every resolver receives as `info.context`: who asks, in which request, and the
request's loaders."""

from dataclasses import dataclass, field

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
