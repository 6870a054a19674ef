"""schema.org `NewsArticle` and the Open Graph image for a press release, so links share well."""

from django.utils import timezone

OG_IMAGE = "fill-1200x630|format-jpeg"


def share_image(release):
    """(rendition, alt text) of the release's first image, or (None, "")."""
    value = release.first_image
    if not value or not value.get("image"):
        return None, ""
    return value["image"].get_rendition(OG_IMAGE), value.get("alt_text") or ""


def _organisation(request):
    from hub.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    return site_settings.organisation_name, site_settings.project_owner


def news_article(release, request):
    rendition, _alt = share_image(release)
    organisation, owner = _organisation(request)
    url = release.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "description": release.lead,
        "datePublished": timezone.localtime(release.released_at).isoformat(),
        "inLanguage": release.locale.language_code,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": {"@type": "Organization", "name": organisation},
        "author": {"@type": "Organization", "name": owner},
    }
    if release.last_published_at:
        data["dateModified"] = timezone.localtime(release.last_published_at).isoformat()
    if rendition is not None:
        data["image"] = [request.build_absolute_uri(rendition.url)]
    return data
