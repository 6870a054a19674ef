"""Pictures in templates: the share picture of a page (Open Graph and Twitter card tags) and the alt text rule
for responsive pictures (an explicit text, else the image's own; decorative images get alt="")."""

from django import template

from hub.pictures import share_image

register = template.Library()


@register.inclusion_tag("hub/includes/share_meta.html", takes_context=True)
def share_meta(context):
    """og:image and the Twitter card for the current page (its own picture, else the site default)."""
    request = context.get("request")
    image = context.get("og_image")
    if image is None and request is not None:
        image = share_image(context.get("page"), request)
    page = context.get("page")
    title = getattr(page, "seo_title", "") or getattr(page, "title", "")
    return {"image": image, "title": title}


@register.simple_tag
def picture_alt(image, alt=None, decorative=False):
    """The alt text to print: "" for decorative images, else the given text, else the image's own."""
    if decorative or image is None or getattr(image, "is_decorative", False) and not alt:
        return ""
    return alt or image.default_alt_text
