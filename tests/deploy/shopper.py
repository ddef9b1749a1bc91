"""A shopper without a browser: HTTP requests with cookies, forms read from the returned pages."""

import http.client
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)


class _FormReader(HTMLParser):
    """The page's POST forms with what a browser would send by default: hidden and text inputs,
    checked boxes and radios, the selected (or first) option, textareas left empty."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        name = attributes.get("name", "")
        if tag == "form" and attributes.get("method", "").lower() == "post":
            self.forms.append(Form(action=attributes.get("action", "")))
        elif not self.forms or not name:
            return
        elif tag == "input":
            kind = attributes.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.forms[-1].fields[name] = attributes.get("value", "on")
            elif kind not in {"submit", "button", "file"}:
                self.forms[-1].fields[name] = attributes.get("value", "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select:
            fields = self.forms[-1].fields
            if self._select not in fields or "selected" in attributes:
                fields[self._select] = attributes.get("value", "")
        elif tag == "textarea":
            self.forms[-1].fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


# A page's forms, so only they are parsed: the load run's shoppers share the cores with the
# server, and parsing a whole product page took them longer than the form alone.
_FORM_MARKUP = re.compile(r"<form\b.*?</form\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class Page:
    url: str
    status: int
    text: str

    def form(self, action_contains: str = "") -> Form:
        reader = _FormReader()
        for markup in _FORM_MARKUP.findall(self.text):
            reader.feed(markup)
        matching = [form for form in reader.forms if action_contains in form.action]
        if not matching:
            raise AssertionError(f"no POST form with {action_contains!r} on {self.url}")
        return matching[0]


class Shopper:
    """Keeps its cookies and follows redirects like a browser, over plain HTTP on loopback."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
        self.cookies: dict[str, str] = {}

    def _request(self, method: str, url: str, body: str = "", headers=None):
        parts = urlsplit(urljoin(self.base_url, url))
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        sent = {"Accept-Language": "en", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        try:
            connection.request(method, path, body=body.encode(), headers=sent)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return parts.geturl(), response, text

    def _follow(self, url: str, response, text: str) -> Page:
        for _hop in range(10):
            if response.status not in {301, 302, 303}:
                return Page(url=url, status=response.status, text=text)
            url, response, text = self._request("GET", response.headers["Location"])
        raise AssertionError(f"too many redirects from {url}")

    def get(self, url: str) -> Page:
        return self._follow(*self._request("GET", url))

    def submit(self, page: Page, form: Form, headers=None, **values: str) -> Page:
        """POST `form` as found on `page`, with `values` typed in or clicked."""
        body = urlencode({**form.fields, **values})
        action = urljoin(page.url, form.action or page.url)
        url, response, text = self._request(
            "POST",
            action,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": page.url,
                **(headers or {}),
            },
        )
        return self._follow(url, response, text)
