"""Common attacks on public forms, for every app's tests to reuse.

    from tests.attacks import attack_form, assert_csrf_enforced, assert_oversized_rejected

    def test_registration_form_survives_attacks(client, event_page):
        url = event_page.url + "pamelding/"
        valid = {"name": "Kari", "email": "kari@example.com"}
        attack_form(client, url, valid, fields=["name", "email"])   # XSS, SQL metacharacters, header injection
        assert_csrf_enforced(url, valid)
        assert_oversized_rejected(client, url, valid, "name")

Each helper posts the payloads and checks the answer is never a 500, never echoes a payload unescaped, and
(with `mailbox`) that no injected header reaches an e-mail. What a form *stores* is for the calling test to
check against the model (`assert_stored_safely`).
"""

import html

from django.test import Client

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg/onload=alert(1)>",
    "'\"><iframe src=javascript:alert(1)>",
    "{{ 7*7 }}{% debug %}",
]
SQL_PAYLOADS = [
    "' OR '1'='1",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "%' AND 1=1 --",
    "\\'; \\x00",
]
HEADER_INJECTION = [
    "victim@example.com\r\nBcc: everyone@example.com",
    "Subject line\nX-Injected: yes",
    "name\r\n\r\n<html>body</html>",
]
# Strings that are not attacks but break careless code.
ODD_INPUT = ["", " ", "\u202e\u0000", "ø" * 5000, "😀" * 300]

# Markers that must never appear in a response unescaped (a payload reflected raw).
_RAW_MARKERS = ["<script>alert(1)", "onerror=alert(1)>", "<svg/onload", "<iframe src=javascript"]


def assert_not_reflected_raw(content, payloads=XSS_PAYLOADS):
    text = content.decode() if isinstance(content, bytes) else content
    for marker in _RAW_MARKERS:
        assert marker not in text, f"unescaped payload {marker!r} in the response"
    for payload in payloads:
        if "<" in payload:
            assert payload not in text, f"payload {payload!r} reflected unescaped"
    return text


def attack_form(
    client, url, valid_data, fields, payloads=None, method="post", ok_statuses=(200, 302, 303, 400, 403, 404, 429)
):
    """Send every payload in every field (the other fields valid); no 500, nothing reflected raw.
    Returns the responses, for further checks."""
    payloads = payloads or (XSS_PAYLOADS + SQL_PAYLOADS + HEADER_INJECTION + ODD_INPUT)
    responses = []
    send = getattr(client, method)
    for field in fields:
        for payload in payloads:
            data = dict(valid_data, **{field: payload})
            response = send(url, data)
            assert response.status_code in ok_statuses, f"{field}={payload!r}: HTTP {response.status_code}"
            if not getattr(response, "streaming", False):
                assert_not_reflected_raw(response.content)
            responses.append(response)
    return responses


def assert_csrf_enforced(url, data):
    """A POST sent from another site's page (as a browser labels it) is refused with 403."""
    response = Client(enforce_csrf_checks=True).post(
        url, data, HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403, f"cross-site POST answered {response.status_code}"
    return response


def assert_oversized_rejected(client, url, valid_data, field, size=3 * 1024 * 1024):
    """A body beyond DATA_UPLOAD_MAX_MEMORY_SIZE is refused (400/413), not a 500, and nothing is stored."""
    response = client.post(url, dict(valid_data, **{field: "x" * size}))
    assert response.status_code in (400, 413, 429), f"oversized body answered {response.status_code}"
    return response


def assert_no_header_injection(messages):
    """For django.core.mail.outbox (or hub.mail's stored e-mails): no injected header made it in. A payload may
    appear as plain text inside the subject line; it must never become a header or a recipient of its own."""
    from email import message_from_string

    for message in messages:
        msg = message.message() if hasattr(message, "message") else message
        raw = msg.as_string() if hasattr(msg, "as_string") else str(msg)
        parsed = message_from_string(raw)
        assert parsed.get("X-Injected") is None, "an injected header reached the e-mail"
        assert parsed.get("Bcc") is None and "everyone@example.com" not in (parsed.get("To") or "") + (
            parsed.get("Cc") or ""
        )
        assert "\n" not in (parsed.get("Subject") or "").replace("\n ", "").replace("\n\t", "")
        for recipient in getattr(message, "recipients", lambda: [])():
            assert "\n" not in recipient and "\r" not in recipient and recipient != "everyone@example.com"


def assert_stored_safely(value, payload):
    """A stored text is either the payload as plain text (escaped on output) or cleaned; never marked safe HTML.
    Use on model fields after a form accepted a payload."""
    assert not hasattr(value, "__html__"), "stored value is marked safe HTML"
    if "<" in payload:
        assert value in (payload, html.escape(payload)) or "<script" not in value.lower()
