"""The editors' search report through the admin: top queries, searches that found nothing, and for each of those
the fixes one click away (synonym of the word people probably meant, equivalent spelling, promoted page), each
opening the real add form filled in; saving the fix makes the visitor's query find the page."""

import re

import pytest
from django.core.cache import cache
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import EquivalentForms, Synonym
from tests.factories.search import get, page, result_titles

pytestmark = pytest.mark.django_db
SEARCH = "/nb/sok/"
REPORT = "/admin/reports/search-queries/"
TITLE = "Bokbytte hver torsdag"
TYPED = "bogbyte"  # two slips from "bokbytte": close, but not certain enough to be corrected by itself


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the query log buffer, vocabularies and synonym sets of earlier tests


@pytest.fixture
def zero_result_query(client, home):
    page(home, TITLE, "Ta med ei bok du har lest, og gå hjem med ei ny.")
    response = get(client, SEARCH, q=TYPED)
    assert result_titles(response) == [], "the query must find nothing before the fix"
    return response


def fix_links(html, query):
    """{link text: href} of the fixes in the report row of `query`."""
    row = re.search(r"<tr>\s*<th scope=\"row\">" + re.escape(query) + r"</th>(.*?)</tr>", html, re.S)
    assert row, f"no row for {query!r} among the searches that found nothing"
    links = re.findall(r'<a href="([^"]+)">\s*(.*?)<span', row.group(1), re.S)
    return {" ".join(text.split()): href.replace("&amp;", "&") for href, text in links}


def test_report_lists_the_zero_result_query_with_its_fixes(admin_client, zero_result_query):
    response = get(admin_client, REPORT, sprak="nb")
    html = response.content.decode()
    row = next(r for r in response.context["zero"] if r["query"] == TYPED)
    assert row["fixes"].intended == "bokbytte"
    links = fix_links(html, TYPED)
    hrefs = set(links.values())
    assert "/admin/snippets/hubsearch/synonym/add/?terms=bokbytte%2C+bogbyte" in hrefs
    assert "/admin/snippets/hubsearch/equivalentforms/add/?forms=bokbytte%2C+bogbyte" in hrefs
    assert "/admin/reports/search-queries/promote/?q=bogbyte" in hrefs
    assert any("bokbytte" in text for text in links), "the synonym link names the word people probably meant"


def test_following_the_synonym_fix_opens_the_filled_form_and_saving_it_makes_the_query_find_the_page(
    admin_client, client, zero_result_query
):
    links = fix_links(get(admin_client, REPORT).content.decode(), TYPED)
    url = next(href for href in links.values() if "/synonym/add/" in href)
    form = get(admin_client, url)
    assert form.context["form"].initial["terms"] == "bokbytte, bogbyte"
    assert re.search(r'name="terms"[^>]*value="bokbytte, bogbyte"', form.content.decode()), "the field shows it"
    assert not Synonym.objects.filter(terms__contains=TYPED).exists(), "opening the form saves nothing"
    saved = admin_client.post(url, {"terms": form.context["form"].initial["terms"]})
    assert saved.status_code == 302
    assert Synonym.objects.get(terms="bokbytte, bogbyte")
    assert TITLE in result_titles(get(client, SEARCH, q=TYPED))


def test_the_equivalent_spelling_fix_is_saved_from_its_filled_form(admin_client, client, zero_result_query):
    links = fix_links(get(admin_client, REPORT).content.decode(), TYPED)
    url = next(href for href in links.values() if "/equivalentforms/add/" in href)
    form = get(admin_client, url)
    assert form.context["form"].initial["forms"] == "bokbytte, bogbyte"
    assert admin_client.post(url, {"forms": "bokbytte, bogbyte"}).status_code == 302
    assert EquivalentForms.objects.filter(forms="bokbytte, bogbyte").exists()
    assert TITLE in result_titles(get(client, SEARCH, q=TYPED))


def test_the_promote_fix_opens_wagtails_promotion_form_with_the_query_and_the_pick_shows(
    admin_client, client, zero_result_query
):
    from hub.models import StandardPage

    links = fix_links(get(admin_client, REPORT).content.decode(), TYPED)
    url = next(href for href in links.values() if "/promote/" in href)
    form = get(admin_client, url)
    assert form.context["form"].initial["query_string"] == TYPED
    assert re.search(r'name="query_string"[^>]*value="bogbyte"', form.content.decode())
    target = StandardPage.objects.get(title=TITLE)
    posted = admin_client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": TYPED,
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(target.pk),
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "0",
        },
    )
    assert posted.status_code == 302, posted.content[:2000]
    assert SearchPromotion.objects.filter(query=Query.get(TYPED), page=target).exists()
    assert [p.page.title for p in get(client, SEARCH, q=TYPED).context["picks"]] == [TITLE]


def test_filled_forms_take_only_their_own_fields_and_bad_input_rerenders(admin_client):
    form = get(admin_client, "/admin/snippets/hubsearch/synonym/add/", terms="x" * 900, id="7", other="y")
    assert form.context["form"].initial == {"terms": "x" * 500}
    bad = admin_client.post("/admin/snippets/hubsearch/synonym/add/", {"terms": ""})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert not Synonym.objects.filter(terms="").exists()
