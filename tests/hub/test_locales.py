"""Translating what a page lists into the visitor's language costs one query per kind of item, and gives what
Wagtail's `localized` gives: the live translation where there is one, the item itself otherwise."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from events.models import Speaker
from hub.locales import localized_all
from methods.models import MethodPage

pytestmark = pytest.mark.django_db


def wagtails_localized(obj, locale):
    found = obj.get_translation_or_none(locale)
    if found is None or not getattr(found, "live", True):
        return obj
    return found


def test_a_list_is_translated_as_wagtail_translates_each_item(django_assert_num_queries):
    nn = Locale.objects.get(language_code="nn")
    methods = list(MethodPage.objects.filter(locale__language_code="nb"))
    speakers = list(Speaker.objects.filter(locale__language_code="nb"))
    assert len(methods) > 5 and speakers
    items = [*methods, None, *speakers]
    expected = [None if obj is None else wagtails_localized(obj, nn) for obj in items]
    assert any(e is not None and e.locale_id == nn.pk for e in expected)  # the demo has nn translations
    with translation.override("nn"), django_assert_num_queries(3):  # the Locale, then one per model
        assert localized_all(items) == expected


def test_items_already_in_the_language_cost_no_query(django_assert_num_queries):
    methods = list(MethodPage.objects.filter(locale__language_code="nb"))
    with translation.override("nb"), django_assert_num_queries(1):  # only the Locale
        assert localized_all(methods) == methods
