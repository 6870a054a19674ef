"""Common attacks on public forms, for every app's tests to reuse.

    from tests.attacks import STORED, INVALID, attack_form, assert_csrf_enforced, assert_oversized_rejected

    def test_registration_form_survives_attacks(client, event_page):
        url = event_page.url + "pamelding/"
        valid = {"name": "Kari", "email": "kari@example.com"}
        stored = lambda field: list(Registration.objects.order_by("pk").values_list(field, flat=True))
        outcomes = attack_form(client, url, valid, ["name"], XSS_PAYLOADS, stored=stored)
        assert set(outcomes.values()) == {STORED}     # accepted, and kept as plain text
        assert_csrf_enforced(url, valid)
        assert_oversized_rejected(client, url, valid, "name", stored=stored)

Every answer is checked against what the form must do with it, never against a list of "harmless" statuses:
a payload is either accepted (the form's success status) and stored verbatim as plain text (or escaped), or
refused as invalid input (the form again, with its error summary, nothing stored). A 403, 404, 429 or 500 fails
the test. No payload is ever echoed unescaped, and (with `assert_no_header_injection`) no injected header
reaches an e-mail. The caller asserts which of the two outcomes each payload must have.
"""

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


STORED, INVALID = "stored", "invalid"


def assert_escaped_in(text, payload):
    """The payload appears in the page, and only HTML-escaped (as Django's autoescape writes it)."""
    from django.utils.html import escape

    assert escape(payload) in text, f"payload {payload!r} not shown (escaped) in the page"
    assert_not_reflected_raw(text, [payload])


def attack_form(client, url, valid_data, fields, payloads=None, *, stored, accepted=302, invalid=400):
    """POST every payload in every field (the other fields valid) and return {(field, payload): outcome}.
    `valid_data` may be a function giving fresh valid data for each post (e.g. a new e-mail address).

    `stored(field)` lists the stored values of that field, oldest first. An answer with status `accepted` must
    have stored exactly one new entry whose field holds the payload as text (STORED); an answer with status
    `invalid` must show the form's error summary and store nothing (INVALID). Any other status fails."""
    payloads = payloads or (XSS_PAYLOADS + SQL_PAYLOADS + HEADER_INJECTION + ODD_INPUT)
    outcomes = {}
    for field in fields:
        for payload in payloads:
            before = stored(field)
            valid = valid_data() if callable(valid_data) else valid_data
            response = client.post(url, dict(valid, **{field: payload}))
            after = stored(field)
            label = f"{field}={payload[:40]!r}"
            if response.status_code == accepted:
                assert len(after) == len(before) + 1, f"{label}: accepted but {len(after) - len(before)} stored"
                assert_stored_safely(after[-1], payload)
                outcomes[field, payload] = STORED
            elif response.status_code == invalid:
                text = response.content.decode()
                assert "ds-error-summary" in text, f"{label}: HTTP {invalid} without the form's error summary"
                assert after == before, f"{label}: refused, yet something was stored"
                assert_not_reflected_raw(text)
                outcomes[field, payload] = INVALID
            else:
                raise AssertionError(f"{label}: HTTP {response.status_code}, expected {accepted} or {invalid}")
    return outcomes


def attack_query(client, url, valid_params, fields, payloads=None, echoed=()):
    """GET every payload in every query parameter (the others valid): always 200, never reflected raw; where the
    page shows the parameter back (`echoed`), it shows it escaped. Returns the responses."""
    payloads = payloads or (XSS_PAYLOADS + SQL_PAYLOADS + HEADER_INJECTION + ODD_INPUT)
    responses = []
    for field in fields:
        for payload in payloads:
            response = client.get(url, dict(valid_params, **{field: payload}))
            label = f"{field}={payload[:40]!r}"
            assert response.status_code == 200, f"{label}: HTTP {response.status_code}"
            text = assert_not_reflected_raw(response.content)
            if field in echoed and "<" in payload:
                assert_escaped_in(text, " ".join(payload.split()))  # as the search box shows it
            responses.append(response)
    return responses


def assert_csrf_enforced(url, data):
    """A POST sent from another site's page (as a browser labels it) is refused with 403."""
    response = Client(enforce_csrf_checks=True).post(
        url, data, HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403, f"cross-site POST answered {response.status_code}"
    return response


def assert_oversized_rejected(client, url, valid_data, field, *, stored, size=3 * 1024 * 1024):
    """A body beyond DATA_UPLOAD_MAX_MEMORY_SIZE is refused with 400 (Django's RequestDataTooBig; nginx answers
    413 before it reaches the app), not a 500, and nothing is stored."""
    before = stored(field)
    valid = valid_data() if callable(valid_data) else valid_data
    response = client.post(url, dict(valid, **{field: "x" * size}))
    assert response.status_code in (400, 413), f"oversized body answered {response.status_code}"
    assert stored(field) == before, "the oversized body was stored"
    return response


def assert_no_header_injection(messages):
    """For django.core.mail.outbox (or infrastructure.mail's stored e-mails): no injected header made it in.
    A payload may appear as plain text inside the subject line; it must never become a header or a recipient of
    its own."""
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
    """A stored text is the payload verbatim as plain text (escaped on output, surrounding blanks trimmed as forms
    do), or, for a field stored as HTML, the payload's lines escaped; never marked safe HTML."""
    assert not hasattr(value, "__html__"), "stored value is marked safe HTML"
    value = str(value)
    if value == payload.strip():
        return
    from django.utils.html import escape

    for line in payload.strip().splitlines():
        assert escape(line.strip()) in value, f"{payload!r} stored as {value[:200]!r}"
    if "<" in payload:
        assert payload.strip() not in value and "<script" not in value.lower(), f"{payload!r} stored as live HTML"
