"""schema.org `NewsArticle` for a press release, with its share picture (`hub.pictures`), so links share well."""

from django.utils import timezone


def _organisation(request):
    from hub.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    return site_settings.organisation_name, site_settings.project_owner


def news_article(release, request):
    from hub.pictures import share_image

    image = share_image(release, request)
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
    if image is not None:
        data["image"] = [image["url"]]
    return data
