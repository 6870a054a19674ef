"""Language parity: pages per language and type, originals vs translations, the Nynorsk share, and the list of
Bokmål pages that still lack a Nynorsk or English version."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from cockpit import parity
from hub.models import HomePage, StandardPage
from hub.roles import COUNTY_EDITOR, EDITOR
from hub.translation import translate
from tests.factories.pages import standard_page

pytestmark = pytest.mark.django_db

STANDARD = str(StandardPage._meta.verbose_name)


def type_counts(report, code):
    return dict(report["per_type"]).get(STANDARD, {}).get(code, {"originals": 0, "translations": 0, "total": 0})


@pytest.fixture
def pages(home):
    """A: Bokmål, translated to Nynorsk. B: first written in Nynorsk. C: Bokmål only (newest)."""
    a = standard_page(home, "Side A")
    a_nn = translate(a, "nn", {"Side A": "Side A på nynorsk"})
    nn_home = HomePage.objects.get(locale__language_code="nn", depth=2)
    b = standard_page(nn_home, "Side B", slug="side-b", locale=Locale.objects.get(language_code="nn"))
    c = standard_page(home, "Side C")
    return {"a": a, "a_nn": a_nn, "b": b, "c": c}


def test_nynorsk_originals_and_translations_both_count_as_nynorsk(home):
    before = parity.report()
    a = standard_page(home, "Side A")
    translate(a, "nn", {"Side A": "Side A på nynorsk"})
    nn_home = HomePage.objects.get(locale__language_code="nn", depth=2)
    standard_page(nn_home, "Side B", slug="side-b", locale=Locale.objects.get(language_code="nn"))
    standard_page(home, "Side C")
    after = parity.report()

    nb_before, nb_after = type_counts(before, "nb"), type_counts(after, "nb")
    nn_before, nn_after = type_counts(before, "nn"), type_counts(after, "nn")
    assert nb_after["originals"] - nb_before["originals"] == 2
    assert nb_after["translations"] == nb_before["translations"]
    assert nn_after["originals"] - nn_before["originals"] == 1  # B, first written in Nynorsk
    assert nn_after["translations"] - nn_before["translations"] == 1  # A's Nynorsk translation
    totals = after["totals"]
    expected = round(100 * totals["nn"]["total"] / (totals["nb"]["total"] + totals["nn"]["total"]), 1)
    assert after["nn_share"] == expected
    assert after["nn_below_floor"] == (expected < 25)


def test_page_first_written_in_nynorsk_stays_the_original_after_translation_to_bokmal(pages):
    b_nb = translate(pages["b"], "nb", {"Side B": "Side B på bokmål"})
    rows = {r["pk"]: r for r in parity.page_rows()}
    assert rows[pages["b"].pk]["is_original"] is True
    assert rows[b_nb.pk]["is_original"] is False
    assert rows[pages["a"].pk]["is_original"] is True
    assert rows[pages["a_nn"].pk]["is_original"] is False


def test_share_matches_an_independent_count_of_published_pages(pages):
    """The share counted straight from the page table (live, not the root, not aliases), not from the report."""
    counted = {
        code: Page.objects.live().filter(depth__gt=1, alias_of__isnull=True, locale__language_code=code).count()
        for code in ("nb", "nn")
    }
    report = parity.report(floor_percent=25)
    assert report["totals"]["nb"]["total"] == counted["nb"]
    assert report["totals"]["nn"]["total"] == counted["nn"]
    assert report["nn_share"] == round(100 * counted["nn"] / (counted["nb"] + counted["nn"]), 1)
    assert report["nn_below_floor"] == (report["nn_share"] < 25)


def test_missing_translations_newest_first_with_translate_action(pages):
    missing = parity.missing_translations()
    ids = [m["id"] for m in missing]
    assert pages["c"].pk in ids and pages["a"].pk in ids
    assert ids.index(pages["c"].pk) < ids.index(pages["a"].pk)  # C is newer
    by_id = {m["id"]: m for m in missing}
    assert by_id[pages["c"].pk]["lacking"] == ["nn", "en"]
    assert by_id[pages["a"].pk]["lacking"] == ["en"]
    assert pages["b"].pk not in ids  # Nynorsk pages are not listed
    assert by_id[pages["c"].pk]["translate_url"] == reverse(
        "wagtail_localize:submit_page_translation", args=[pages["c"].pk]
    )


def test_parity_page_lists_and_links_to_translate(client, make_user, pages):
    client.force_login(make_user("red", EDITOR))
    response = client.get(reverse("cockpit_parity"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[pages["c"].pk]) in html
    # The one click works for an editor: the submit-translation form opens.
    assert client.get(reverse("wagtail_localize:submit_page_translation", args=[pages["c"].pk])).status_code == 200


def test_county_editor_cannot_see_parity(client, make_user):
    client.force_login(make_user("fylke", COUNTY_EDITOR))
    response = client.get(reverse("cockpit_parity"))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"].startswith("/admin/")
