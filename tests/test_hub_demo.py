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
