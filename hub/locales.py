"""One Locale lookup per language per request.

Wagtail resolves the active language to a Locale row (`Locale.get_active()`) wherever a page asks for its
translation in that language (`page.localized`), and each of those is a query: a dozen identical ones on an
event page listing its series. Within one request the answer cannot change, so `RequestLocaleCacheMiddleware`
keeps the looked-up Locales for the length of the request (a context variable, so threads and async tasks never
share one), and the hub's pages and snippets ask through `active_locale()` and `default_locale()`
(`LocalizedPerRequest` gives their `localized` the same source); a list of them is translated in one query per
model (`localized_all`), however long it is. Outside a request — commands, tasks, tests
calling models directly — every lookup goes to the database, exactly as Wagtail's own.
"""

import contextvars

from django.conf import settings
from django.utils import translation
from wagtail.models import DraftStateMixin, Locale

_request_locales = contextvars.ContextVar("hub_request_locales", default=None)


def locale_for_language(language_code):
    """The Locale of `language_code` (Wagtail's `Locale.objects.get_for_language`), read once per request."""
    found = _request_locales.get()
    if found is None:
        return Locale.objects.get_for_language(language_code)
    if language_code not in found:
        found[language_code] = Locale.objects.get_for_language(language_code)  # DoesNotExist is not kept
    return found[language_code]


def default_locale():
    """The site's default language's Locale, as `Locale.get_default()`."""
    return locale_for_language(settings.LANGUAGE_CODE)


def active_locale():
    """The Locale of the language being shown, as `Locale.get_active()`."""
    try:
        return locale_for_language(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def localized_draft(obj):
    """Wagtail's `obj.localized_draft` (its translation in the language being shown, drafts included, or
    itself), the Locale found through `active_locale()`."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return obj
    try:
        locale = active_locale()
    except (LookupError, Locale.DoesNotExist):
        return obj
    if locale.id == obj.locale_id:
        return obj
    return obj.get_translation_or_none(locale) or obj


def localized_all(objects):
    """`[localized(obj) for obj in objects]` (None stays None) in one query per model, whatever their number:
    for the lists of a page (speakers, sessions, related pages)."""
    objects = list(objects)
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return objects
    try:
        locale = active_locale()
    except (LookupError, Locale.DoesNotExist):
        return objects
    keys = {}
    for obj in objects:
        if obj is not None and obj.locale_id != locale.id:
            keys.setdefault(type(obj), set()).add(obj.translation_key)
    found = {}
    for model, wanted in keys.items():
        translations = model._default_manager.filter(translation_key__in=wanted, locale=locale)
        if issubclass(model, DraftStateMixin):
            translations = translations.filter(live=True)  # `localized` never shows a draft translation
        found.update({(model, t.translation_key): t for t in translations})
    return [None if obj is None else found.get((type(obj), obj.translation_key), obj) for obj in objects]


class LocalizedPerRequest:
    """For translatable models: `localized` / `localized_draft` as Wagtail's, the active language's Locale
    found through `active_locale()`."""

    @property
    def localized_draft(self):
        return localized_draft(self)


class RequestLocaleCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_locales.set({})
        try:
            return self.get_response(request)
        finally:
            _request_locales.reset(token)
