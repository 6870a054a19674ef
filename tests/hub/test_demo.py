import os

import pytest
from django.core.management import call_command
from wagtail.models import Page

from hub.models import County, Municipality

pytestmark = pytest.mark.django_db


def test_demo_command_is_idempotent():
    # The session already loaded the demo once (conftest); the same apps again must add nothing.
    only = ["--only", os.environ["HUB_DEMO_APPS"]] if os.environ.get("HUB_DEMO_APPS") else []
    before = Page.objects.count()
    call_command("load_demo", "--no-admin", *only, verbosity=0)
    assert Page.objects.count() == before
    call_command("load_demo", "--no-admin", *only, verbosity=0)
    assert Page.objects.count() == before


def test_demo_has_home_in_three_languages_and_core_pages():
    homes = Page.objects.filter(depth=2)
    assert sorted(h.locale.language_code for h in homes) == ["en", "nb", "nn"]
    slugs = set(Page.objects.filter(depth=3, locale__language_code="nb").values_list("slug", flat=True))
    assert {"om-prosjektet", "personvern", "tilgjengelighetserklaering"} <= slugs


def test_taxonomy_has_all_counties_and_municipalities():
    assert County.objects.count() == 15
    assert Municipality.objects.count() == 357
    assert Municipality.objects.get(number="3403").county.name == "Innlandet"


def test_taxonomy_slugs_keep_norwegian_initial_letters():
    assert County.objects.get(name="Østfold").slug == "ostfold"
    assert Municipality.objects.get(number="1508").slug == "alesund"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("nn", ["Biblioteka har invitert lag og foreiningar", "vorte vidareutvikla"]),
        ("en", ["The libraries have invited volunteer organisations", "has been developed further"]),
    ],
)
def test_translated_home_pages_show_the_main_goals_in_their_language(client, language, expected):
    html = client.get(f"/{language}/").content.decode()
    for text in expected:
        assert text in html
    assert "Bibliotekene har invitert lag og foreninger" not in html
    assert "Sammen med brukerne har e-læringskurset" not in html


def test_demo_command_translates_goals_an_older_demo_left_in_bokmal_and_otherwise_leaves_the_home_alone():
    from hub.models import HomePage

    only = ["--only", "hub"]
    nb_home = HomePage.objects.get(depth=2, locale__language_code="nb")
    nn_home = HomePage.objects.get(depth=2, locale__language_code="nn")
    revisions = nn_home.revisions.count()
    call_command("load_demo", "--no-admin", *only, verbosity=0)
    assert nn_home.revisions.count() == revisions  # nothing to do: no new revision

    nn_home.goal_one = nb_home.goal_one  # what the demo used to make
    nn_home.save_revision().publish()
    call_command("load_demo", "--no-admin", *only, verbosity=0)
    nn_home.refresh_from_db()
    assert nn_home.goal_one.startswith("<p>Biblioteka har invitert")
