"""Search on the database backend (PostgreSQL full text with the norwegian configuration), through HTTP."""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.models import QueryLogEntry, Synonym
from tests.factories.search import get, home_for, page, result_titles

pytestmark = pytest.mark.django_db
URL = "/nb/sok/"


@pytest.fixture
def nb_home(home):
    from django.core.cache import cache

    cache.clear()  # synonym sets and vocabularies cached by earlier, rolled-back tests
    return home


def test_bokmal_inflections_find_each_other(client, nb_home):
    page(nb_home, "Frivilligheten i kommunen", "Om frivilligheten og lokalsamfunnet.")
    page(nb_home, "Nytt fra biblioteket", "Biblioteket åpner dørene for lag og foreninger.")
    assert "Frivilligheten i kommunen" in result_titles(get(client, URL, q="frivillige"))
    assert "Nytt fra biblioteket" in result_titles(get(client, URL, q="bibliotekene"))


def test_synonyms_expand_the_query(client, nb_home):
    page(nb_home, "Co-creation in practice", "A guide to co-creation with volunteers.")
    assert get(client, URL, q="kvarkzot", sprak="alle", eksakt="1").context["outcome"].hits.total == 0
    Synonym.objects.create(terms="kvarkzot, co-creation")
    assert "Co-creation in practice" in result_titles(get(client, URL, q="kvarkzot", sprak="alle"))


def test_results_show_type_highlighted_snippet_and_escape_html(client, nb_home):
    page(nb_home, "Dugnad i biblioteket", "Vi inviterte til <b>dugnad</b> og frivillighet i biblioteket.")
    response = get(client, URL, q="dugnad")
    html = response.content.decode()
    assert "<mark>dugnad</mark>" in html.lower()
    assert "<b>dugnad" not in html.lower()  # page text is escaped, only our <mark> is markup
    assert response.context["outcome"].results[0].type_name


def test_snippet_follows_each_published_revision_and_is_kept_between_searches(client, nb_home):
    from search import text

    found = page(nb_home, "Dugnad i biblioteket", "Første utgave: dugnad med lag og foreninger.")
    assert "Første utgave" in get(client, URL, q="dugnad").content.decode()
    kept = [key for key in text._page_texts if key[0] == found.pk]
    assert len(kept) == 1  # worked out once and kept for the live revision
    assert "Første utgave" in get(client, URL, q="dugnad").content.decode()
    found.lead = "Andre utgave: dugnad med frivillige."
    found.save_revision().publish()
    html = get(client, URL, q="dugnad").content.decode()
    assert "Andre utgave" in html and "Første utgave" not in html


def test_facets_count_every_value_and_combine(client, nb_home):
    for i in range(12):
        page(nb_home, f"Lesesirkel {i}", "Lesesirkel for alle.")
    en = home_for("en")
    page(en, "Reading circle", "Lesesirkel in English, a reading circle.")
    response = get(client, URL, q="lesesirkel", sprak="alle")
    facets = {f: {v: n for v, _label, n, _sel in items} for f, _l, items in response.context["outcome"].facets}
    assert facets["language"]["nb"] == 12 and facets["language"]["en"] == 1
    assert facets["type"]["hub.StandardPage"] == 13
    narrowed = get(client, URL, q="lesesirkel", sprak="alle", language="en")
    assert narrowed.context["outcome"].hits.total == 1
    facets = {f: {v: n for v, _label, n, _sel in items} for f, _l, items in narrowed.context["outcome"].facets}
    assert facets["language"] == {"nb": 12, "en": 1}  # a facet keeps its alternatives when chosen


def test_results_default_to_visitor_language_with_switch_to_all(client, nb_home):
    page(nb_home, "Kvistkafé på biblioteket", "Kvistkafé hver torsdag.")
    page(home_for("en"), "Language café", "Kvistkafé for newcomers.")
    assert result_titles(get(client, URL, q="kvistkafé")) == ["Kvistkafé på biblioteket"]
    assert set(result_titles(get(client, URL, q="kvistkafé", sprak="alle"))) == {
        "Kvistkafé på biblioteket",
        "Language café",
    }
    assert result_titles(get(client, "/en/sok/", q="kvistkafé")) == ["Language café"]


def test_drafts_private_embargoed_unpublished_and_deleted_pages_never_appear(client, nb_home):
    page(nb_home, "Kladd om sjakkgrupper", "sjakkgrupper", live=False)
    private = page(nb_home, "Privat om sjakkgrupper", "sjakkgrupper")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    embargoed = page(nb_home, "Embargo om sjakkgrupper", "sjakkgrupper", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=3)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()
    assert not embargoed.live
    public = page(nb_home, "Offentlig om sjakkgrupper", "sjakkgrupper")
    gone = page(nb_home, "Snart avpublisert om sjakkgrupper", "sjakkgrupper")
    deleted = page(nb_home, "Snart slettet om sjakkgrupper", "sjakkgrupper")
    titles = result_titles(get(client, URL, q="sjakkgrupper"))
    assert set(titles) == {public.title, gone.title, deleted.title}
    gone.unpublish()
    deleted.delete()
    assert result_titles(get(client, URL, q="sjakkgrupper")) == [public.title]


@pytest.mark.parametrize(
    "q",
    [
        '"unclosed',
        "a AND OR NOT (",
        "-minus +plus ~tilde* ?",
        "x" * 2000,
        "bell\x07\x00null",
        "图书馆 مكتبة Библиотека",
        "' OR 1=1; --",
        "&:*|!<->",
        "",
    ],
)
def test_odd_queries_return_a_page(client, nb_home, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert client.get("/nb/sok/forslag/", {"q": q}).status_code == 200


def test_autocomplete_returns_titles_by_prefix_in_visitor_language(client, nb_home):
    page(nb_home, "Verkstedsmetoder for ungdom", "tekst")
    page(home_for("en"), "Verkstedsmetoder in English", "text")
    data = get(client, "/nb/sok/forslag/", q="verksteds").json()
    assert [s["title"] for s in data["suggestions"]] == ["Verkstedsmetoder for ungdom"]
    assert data["suggestions"][0]["url"].startswith("/nb/")
    assert get(client, "/nb/sok/forslag/", q="v").json()["suggestions"] == []


def test_editors_picks_are_shown_without_creating_query_rows(client, nb_home):
    target = page(nb_home, "Startpakken forklart", "Alt om startpakken.")
    query = Query.objects.create(query_string="oppskrift")
    SearchPromotion.objects.create(query=query, page=target, description="Redaksjonens valg")
    count = Query.objects.count()
    response = get(client, URL, q="Oppskrift")
    assert [p.page.pk for p in response.context["picks"]] == [target.pk]
    assert "Redaksjonens valg" in response.content.decode()
    get(client, URL, q="noe helt annet")
    assert Query.objects.count() == count


def test_empty_state_offers_spelling_suggestion_and_popular_searches(client, nb_home):
    page(nb_home, "Fortellerkveld i biblioteket", "fortellerkveld")
    QueryLogEntry.objects.create(query="lesesirkel", language="nb", day=datetime.date.today(), searches=9, hits=3)
    response = get(client, URL, q="fortelerkveld", eksakt="1")  # as typed: no automatic correction
    assert response.context["outcome"].hits.total == 0
    assert response.context["suggestion"] == "fortellerkveld"
    assert "lesesirkel" in response.context["popular"]


def test_query_log_counts_searches_without_personal_data_and_reports_to_editors(client, nb_home, admin_client):
    from search import querylog

    page(nb_home, "Lydbokmaraton og podkast", "lydbokmaraton")
    with pytest.MonkeyPatch.context():
        for _ in range(3):
            get(client, URL, q="  Lydbokmaraton ")
        get(client, URL, q="qxzvykt")
    querylog.flush()
    entry = QueryLogEntry.objects.get(query="lydbokmaraton", language="nb")
    assert entry.searches == 3 and entry.hits == 1 and not entry.zero_results
    assert QueryLogEntry.objects.get(query="qxzvykt").zero_results
    fields = {f.name for f in QueryLogEntry._meta.get_fields()}
    assert fields == {"id", "query", "language", "day", "searches", "hits", "zero_results"}
    report = admin_client.get("/admin/reports/search-queries/")
    assert report.status_code == 200
    assert "lydbokmaraton" in report.content.decode() and "qxzvykt" in report.content.decode()


def test_query_report_is_for_editors_only(client, make_user):
    user = make_user("reader")
    client.force_login(user)
    assert client.get("/admin/reports/search-queries/").status_code in (302, 403)


def test_search_request_does_not_write_the_log_row_each_time(client, nb_home, django_assert_max_num_queries):
    from search import querylog

    page(nb_home, "Bokbad", "bokbad")
    get(client, URL, q="bokbad")  # first search of the key may queue the flush
    querylog.flush()
    before = QueryLogEntry.objects.get(query="bokbad").searches
    get(client, URL, q="bokbad")
    assert QueryLogEntry.objects.get(query="bokbad").searches == before  # buffered, not written
    querylog.flush()
    assert QueryLogEntry.objects.get(query="bokbad").searches == before + 1


def test_search_page_query_count_is_bounded(client, nb_home, django_assert_max_num_queries):
    for i in range(10):
        page(nb_home, f"Kodeklubb {i}", "kodeklubb")
    with django_assert_max_num_queries(40):
        get(client, URL, q="kodeklubb")


def test_update_index_rebuilds_and_search_still_works(client, nb_home):
    page(nb_home, "Strikkekafé", "strikkekafé")
    call_command("update_index", stdout=open("/dev/null", "w"))
    titles = result_titles(get(client, URL, q="strikkekafé"))
    assert titles[0] == "Strikkekafé"
    assert "Strikkekafeen som ble en møteplass" in titles  # accents folded: kafé = kafe


def test_no_500_when_an_engine_backend_is_unreachable(client, nb_home, caplog, settings):
    from tests.factories.search import engine_settings

    page(nb_home, "Fjellreolen", "fjellreolen")
    settings.WAGTAILSEARCH_BACKENDS = engine_settings("http://127.0.0.1:9", "closed_")
    with caplog.at_level(logging.WARNING, logger="search"):
        response = get(client, URL, q="fjellreolen")
    assert result_titles(response) == ["Fjellreolen"]
    assert response.context["outcome"].degraded
    assert any("falling back" in r.message for r in caplog.records)
    assert get(client, "/nb/sok/forslag/", q="fjellre").json()["suggestions"][0]["title"] == "Fjellreolen"


@pytest.mark.parametrize("params", [{"type": "finnes.Ikke"}, {"county": "finnes-ikke"}, {"theme": "finnes-ikke"}])
def test_filters_that_exclude_every_page_give_an_empty_result_page(client, nb_home, params):
    response = get(client, URL, q="bibliotek", **params)
    assert response.status_code == 200
    assert response.context["outcome"].hits.total == 0 and result_titles(response) == []


def test_compound_words_are_found_by_their_first_part(client, nb_home):
    page(nb_home, "Reparasjonskafé i biblioteket", "Innbyggerne reparerer klær sammen. Evalueringen viser effekt.")
    page(nb_home, "Barnebibliotekaren forteller", "Om lesing for de minste.")
    assert "Reparasjonskafé i biblioteket" in result_titles(get(client, URL, q="reparasjon"))
    found = get(client, URL, q="evaluere")
    assert "Reparasjonskafé i biblioteket" in result_titles(found)
    assert "<mark>Evalueringen</mark>" in found.content.decode()  # the snippet marks the compound it matched
    assert "Barnebibliotekaren forteller" in result_titles(get(client, URL, q="barnebibliotek"))
    assert "Reparasjonskafé i biblioteket" not in result_titles(get(client, URL, q="rep"))  # too short a stem


def _title_weights(*pages):
    """{page id: (title_norm, title length in lexemes)} of the pages' index rows."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, title_norm, length(title) FROM wagtailsearch_indexentry WHERE object_id = ANY(%s)",
            [[str(p.pk) for p in pages]],
        )
        return {int(object_id): (norm, length) for object_id, norm, length in cursor.fetchall()}


def test_each_index_row_gets_its_title_weight_when_written(nb_home):
    """The title weight (the average title length over the title's own, as modelsearch defines it) is written
    with the row on publish and on re-publish, never left at the placeholder 1.0 for a second pass to fix."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.fail("the title weight belongs to the PostgreSQL index; this test runs on PostgreSQL")
    short = page(nb_home, "Dugnad", "Om dugnad.")
    long = page(nb_home, "Dugnad og frivillighet i biblioteket, kommunen og fylket", "Om dugnad.")
    weights = _title_weights(short, long)
    (short_norm, short_length), (long_norm, long_length) = weights[short.pk], weights[long.pk]
    assert long_length > short_length > 0
    assert short_norm > long_norm > 0 and 1.0 not in (short_norm, long_norm)
    assert short_norm * short_length == pytest.approx(long_norm * long_length, rel=0.1)  # the same average

    long.title = "Dugnad"
    long.save_revision().publish()
    norm, length = _title_weights(long)[long.pk]
    assert length == short_length and norm == pytest.approx(short_norm, rel=0.1) and norm != 1.0


def test_a_page_is_written_into_the_index_in_one_statement(nb_home):
    """Indexing a page not yet in the index inserts its row and updates nothing: every search reads the whole
    table, and a second write of each new row (left dead until vacuumed) made every search slower. Counted in
    this transaction's own statistics (pg_stat_xact_user_tables)."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    def writes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'wagtailsearch_indexentry'"
            )
            return cursor.fetchone() or (0, 0)

    found = page(nb_home, "Dugnad i grendehuset", "Om dugnad.")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wagtailsearch_indexentry WHERE object_id = %s", [str(found.pk)])
    inserted, updated = writes()
    get_search_backend("public").add(found)
    assert writes() == (inserted + 1, updated)
    assert _title_weights(found)[found.pk][0] != 1.0
