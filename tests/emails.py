"""Reading the links of the shop's emails in tests (see the `outbox` fixture)."""

from urllib.parse import parse_qs, urlsplit

PUBLIC_URL = "https://shop.example.org"


def emailed_link(message) -> str:
    """The link of an email from the shop."""
    return next(line for line in message.body.splitlines() if line.startswith(PUBLIC_URL))


def emailed_path(message) -> str:
    """The path of an email's link to one of the shop's pages."""
    return emailed_link(message).removeprefix(PUBLIC_URL)


def emailed_query(message) -> tuple[str, dict[str, str]]:
    """An email's link to a client's page (redirectUrl) and the values of its query."""
    parts = urlsplit(emailed_link(message))
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", query
