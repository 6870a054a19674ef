"""A crowd at one address registering for one event at the same moment, as their browsers do it over HTTP.

Each person opens the registration form (GET, keeping the cookies it sets), fills it in, and then everyone
sends it at once (a barrier): the fields a browser posts, including the empty honeypot, with the Origin and
Sec-Fetch-Site headers of a post from our own page. Used by the load tests and by bench/registration_load.py.
"""

import html
import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

INPUT_RE = re.compile(r"<input\b[^>]*>", re.I)
ATTR_RE = re.compile(r'(\w[\w-]*)="([^"]*)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Answer:
    status: int  # HTTP status of the POST (0: no answer)
    ms: float  # time from sending the POST to its answer
    location: str = ""
    error: str = ""


def hidden_fields(page):
    """The hidden and honeypot inputs of the registration form, with the values the page gave them."""
    fields = {}
    for tag in INPUT_RE.findall(page):
        attrs = dict(ATTR_RE.findall(tag))
        if attrs.get("type") in ("hidden", "text") and attrs.get("name") and attrs.get("name") != "name":
            if attrs.get("type") == "hidden" or attrs["name"] == "website_url":
                fields[attrs["name"]] = html.unescape(attrs.get("value", ""))
    return fields


def _person(base_url, path, i, barrier, email_domain):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    try:
        with opener.open(base_url + path, timeout=60) as response:
            page = response.read().decode()
        data = {
            **hidden_fields(page),
            "name": f"Kollega {i}",
            "email": f"kollega{i}@{email_domain}",
            "organisation": "Kontoret",
            "role": "",
            "municipality": "",
            "needs": "",
            "consent": "on",
        }
    finally:
        barrier.wait(timeout=120)  # everyone sends at the same moment, even someone whose form did not load
    request = urllib.request.Request(
        base_url + path,
        data=urllib.parse.urlencode(data).encode(),
        headers={"Origin": base_url, "Sec-Fetch-Site": "same-origin", "Referer": base_url + path},
        method="POST",
    )
    start = time.perf_counter()
    try:
        with opener.open(request, timeout=120) as response:
            response.read()
            return Answer(response.status, (time.perf_counter() - start) * 1000)
    except urllib.error.HTTPError as answer:
        answer.read()
        ms = (time.perf_counter() - start) * 1000
        return Answer(answer.code, ms, answer.headers.get("Location", ""))
    except OSError as error:
        return Answer(0, (time.perf_counter() - start) * 1000, error=repr(error))


def register_at_once(base_url, path, count, email_domain="example.com"):
    """`count` people register at `base_url + path` at the same moment; their answers in order."""
    barrier = threading.Barrier(count)
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda i: _person(base_url, path, i, barrier, email_domain), range(count)))


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(int(round(fraction * len(ordered))) - 1, 0))]
