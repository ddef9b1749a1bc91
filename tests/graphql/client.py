"""Posting GraphQL requests to /graphql/ through Django's test client."""

import json

from django.test import Client


def api_post(
    client: Client,
    query: str,
    variables: dict | None = None,
    *,
    token: str | None = None,
    headers_language: str = "en",
    **meta: str,
) -> dict:
    """The JSON answer to `query` (messages in `headers_language`); `token` goes in the
    Authorization header, `meta` in the request's META (REMOTE_ADDR, HTTP_X_FORWARDED_FOR)."""
    headers = {"HTTP_ACCEPT_LANGUAGE": headers_language, **meta}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code in (200, 400), response.content
    return response.json()
