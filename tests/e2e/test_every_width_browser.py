"""Every page type in nb, nn and en at 320, 390 and 1280 px: no horizontal overflow and interactive targets of
at least 24 × 24 px (WCAG 2.5.8, links inside running text exempt) at each width; no axe violations at the
narrowest and the widest. The style sheets' breakpoints (30rem, 650px, 48rem) all lie above 390 px, so 320 and
390 px lay a page out alike and axe would judge the same document twice. A screenshot of each goes to
test-output/screenshots/ for review (JPEG: quicker to encode than a full-page PNG). One browser context and one
tab for all of it: each URL is loaded once, axe injected once, and the viewport resized in place."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
WIDTHS = (1280, 390, 320)
AXE_WIDTHS = (1280, 320)  # one on each side of every breakpoint
LANGUAGES = ("nb", "nn", "en")
# Non-page views, by their address in each language (the search with a word that has results and facets).
VIEWS = {
    "search": {"nb": "/nb/sok/?q=bibliotek", "nn": "/nn/sok/?q=bibliotek", "en": "/en/sok/?q=library"},
    "places": {"nb": "/nb/steder/", "nn": "/nn/stader/", "en": "/en/places/"},
    "county": {"nb": "/nb/steder/innlandet/", "nn": "/nn/stader/innlandet/", "en": "/en/places/innlandet/"},
    "municipality": {
        "nb": "/nb/steder/innlandet/hamar/",
        "nn": "/nn/stader/innlandet/hamar/",
        "en": "/en/places/innlandet/hamar/",
    },
}

# Targets smaller than 24 × 24 px: those not inside running text and closer than 24 px to another target.
SMALL_TARGETS_JS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], '
    + '[tabindex]:not([tabindex="-1"])';
  const visible = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && r.right > 0 && r.left < innerWidth;
  };
  const targets = [...document.querySelectorAll(selector)].filter(visible);
  const inRunningText = (el) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    const own = el.textContent.trim().length;
    return block && block.textContent.trim().length > own + 1;
  };
  const centre = (el) => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
  const small = [];
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    if (r.width >= 24 && r.height >= 24) continue;
    if (el.tagName === 'A' && inRunningText(el)) continue;
    const [x, y] = centre(el);
    const crowded = targets.some((o) => {
      if (o === el || o.contains(el) || el.contains(o)) return false;
      const [ox, oy] = centre(o);
      return Math.hypot(ox - x, oy - y) < 24;
    });
    const label = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40);
    if (crowded) small.push(`${el.tagName.toLowerCase()} "${label}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return small;
}"""


@pytest.fixture(scope="module")
def page_urls(django_db_blocker):
    """One live page of every page type in each language (the first in tree order), plus the other views."""
    from wagtail.models import Page

    urls = {}
    with django_db_blocker.unblock():
        for page in Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path"):
            code = page.locale.language_code
            key = (page.content_type_id, code)
            if code in LANGUAGES and key not in urls:
                specific = page.specific
                urls[key] = (f"{specific._meta.model_name}-{code}", specific.get_url(None))
    named = sorted(urls.values())
    named += [(f"{name}-{code}", url) for name, by_code in VIEWS.items() for code, url in by_code.items()]
    return named


def test_every_page_type_fits_every_width_with_large_targets_and_no_axe_violations(browser, server_url, axe, page_urls):
    SHOTS.mkdir(parents=True, exist_ok=True)
    languages_seen = {name.rsplit("-", 1)[1] for name, _url in page_urls}
    assert languages_seen == set(LANGUAGES)
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    tab = context.new_page()
    problems = []
    try:
        for name, url in page_urls:
            response = tab.goto(server_url + url)
            if response is None or response.status != 200:
                problems.append(f"{name} {url}: HTTP {response.status if response else '—'}")
                continue
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": 900})
                where = f"{name} {url} @{width}px"
                overflow = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
                if overflow > 0:
                    problems.append(f"{where}: {overflow}px horizontal overflow")
                for target in tab.evaluate(SMALL_TARGETS_JS):
                    problems.append(f"{where}: target under 24×24 px: {target}")
                for violation in axe(tab) if width in AXE_WIDTHS else ():
                    problems.append(f"{where}: axe {violation['id']} {violation['nodes'][:2]}")
                tab.screenshot(path=str(SHOTS / f"{name}-{width}.jpg"), full_page=True, type="jpeg", quality=70)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
