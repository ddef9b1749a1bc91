"""API sign-in with JSON Web Tokens, as Saleor's clients expect them.

`tokenCreate` gives a short-lived access token (5 minutes) and a refresh token (30 days), both
signed RS256. Their issuer (`iss`) is the public URL of the GraphQL endpoint, slash included.
The key comes from the JWT_PRIVATE_KEY setting (PEM); without one, a key is made once and kept
in DATA_DIR, so every process of a machine signs with the same key. Tokens carry a fingerprint
of the password hash: changing the password ends every session.
"""

import hashlib
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.accounts.models import User
from shop.graphql.core.ids import pk_from_global_id, to_global_id

ALGORITHM = "RS256"
ACCESS = "access"
REFRESH = "refresh"
LIFETIMES = {ACCESS: timedelta(minutes=5), REFRESH: timedelta(days=30)}
KEY_FILE_NAME = "jwt-private.pem"
HEADERS = ("HTTP_AUTHORIZATION_BEARER", "HTTP_AUTHORIZATION")

_key_lock = threading.Lock()
_keys: dict[str, Any] = {}


class TokenError(Exception):
    """A token that is malformed, expired, signed by another key or for a changed password."""

    def __init__(self, message, code: str) -> None:
        super().__init__(message)
        self.code = code


def _private_pem() -> bytes:
    configured = getattr(settings, "JWT_PRIVATE_KEY", "")
    if configured:
        return configured.encode()
    path = Path(settings.DATA_DIR) / KEY_FILE_NAME
    if not path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(pem)
        temporary.chmod(0o600)
        temporary.replace(path)
    return path.read_bytes()


def private_key() -> rsa.RSAPrivateKey:
    with _key_lock:
        if "private" not in _keys:
            _keys["private"] = serialization.load_pem_private_key(_private_pem(), password=None)
        return _keys["private"]


def issuer() -> str:
    """The exact public URL of the GraphQL endpoint: clients send tokens only there."""
    return f"{settings.PUBLIC_URL}/graphql/"


def _password_fingerprint(user: User) -> str:
    return hashlib.sha256(user.password.encode()).hexdigest()[:16]


def token_for(*, user: User, token_type: str) -> str:
    """A signed token of `token_type` (access or refresh) for `user`."""
    now = timezone.now()
    payload = {
        "iss": issuer(),
        "iat": int(now.timestamp()),
        "exp": int((now + LIFETIMES[token_type]).timestamp()),
        "type": token_type,
        "user_id": to_global_id("User", user.pk),
        "email": user.email,
        "is_staff": user.is_staff,
        "token": _password_fingerprint(user),
    }
    return jwt.encode(payload, private_key(), algorithm=ALGORITHM, headers={"kid": "1"})


def token_payload(*, token: str, token_type: str) -> dict:
    """The verified claims of `token`; raises TokenError."""
    try:
        payload = jwt.decode(
            token,
            private_key().public_key(),
            algorithms=[ALGORITHM],
            issuer=issuer(),
            options={"require": ["exp", "iat", "type", "user_id"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise TokenError(_("The token has expired."), "JWT_SIGNATURE_EXPIRED") from error
    except jwt.InvalidTokenError as error:
        raise TokenError(_("The token is not valid."), "JWT_INVALID_TOKEN") from error
    if payload.get("type") != token_type:
        raise TokenError(_("The token is not of the right kind."), "JWT_INVALID_TOKEN")
    return payload


def user_of_token(*, token: str, token_type: str = ACCESS) -> User:
    """The active user a valid token was given to; raises TokenError."""
    payload = token_payload(token=token, token_type=token_type)
    user = User.objects.filter(
        pk=pk_from_global_id(payload["user_id"], "User"), is_active=True
    ).first()
    if user is None or payload.get("token") != _password_fingerprint(user):
        raise TokenError(_("The token is not valid."), "JWT_INVALID_TOKEN")
    return user


def bearer_token(request: HttpRequest) -> str | None:
    """The token of `Authorization: Bearer <t>` or `Authorization-Bearer: <t>`, if any."""
    for header in HEADERS:
        value = request.META.get(header, "").strip()
        if header == "HTTP_AUTHORIZATION":
            scheme, _sep, value = value.partition(" ")
            if scheme.lower() != "bearer":
                continue
        if value.strip():
            return value.strip()
    return None


def public_jwks() -> dict:
    """The public key as a JSON Web Key Set, for `/.well-known/jwks.json`."""
    key = jwt.algorithms.RSAAlgorithm.to_jwk(private_key().public_key(), as_dict=True)
    key.update({"use": "sig", "alg": ALGORITHM, "kid": "1"})
    return {"keys": [key]}
