"""Programmatic translation through wagtail-localize, for demo content and tests.

The same path the editors' translation UI uses: a TranslationSource, StringTranslations per segment,
then the target saved (and published) from the source. Strings not given fall back to the source text.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate(instance, language_code, strings, user=None, publish=True):
    """Translate `instance` into `language_code`; `strings` maps source text to translated text."""
    if isinstance(instance, Page):
        instance = instance.specific
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    # wagtail-localize publishes pages on commit; publish here instead so the result is live inside the
    # transaction too. Snippets without drafts can only be saved "published".
    drafts = isinstance(instance, DraftStateMixin)
    source.create_or_update_translation(locale, user=user, publish=not drafts, copy_parent_pages=True, fallback=True)
    target = instance.get_translation(locale)
    if publish and drafts:
        revision = target.get_latest_revision()
        if revision is not None:
            revision.publish(user=user)
            target.refresh_from_db()
    return target
