"""Posting GraphQL requests to /graphql/ through Django's test client."""

import json

from django.test import Client


def api_post(
    client: Client, query: str, variables: dict | None = None, *, token: str | None = None
) -> dict:
    """The JSON answer to `query`; `token` goes in the Authorization header."""
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code in (200, 400), response.content
    return response.json()
