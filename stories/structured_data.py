"""Article JSON-LD for a story page (its image comes from `hub.pictures.share_image`)."""

from django.utils.translation import get_language


def article(page, request, image=None, tags=(), themes=(), organisations=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.search_description or page.lead,
        "url": request.build_absolute_uri(page.url),
        "inLanguage": page.locale.language_code if page.locale_id else get_language(),
        "author": {"@type": "Organization", "name": page.library_name},
        "publisher": {"@type": "Organization", "name": "Samskapingshuben"},
        "contentLocation": {
            "@type": "Place",
            "name": f"{page.municipality.name}, {page.county.name}",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": page.municipality.name,
                "addressRegion": page.county.name,
                "addressCountry": "NO",
            },
        },
        "temporalCoverage": f"{page.period_start:%Y-%m}/{page.period_end:%Y-%m}"
        if page.period_end
        else f"{page.period_start:%Y-%m}/..",
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if image:
        data["image"] = image["url"]
    keywords = [t.name for t in tags] + [t.name for t in themes]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    if organisations:
        data["contributor"] = [{"@type": "Organization", "name": o.name} for o in organisations]
    return data
