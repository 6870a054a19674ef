"""Pictures for the demo content, drawn with Pillow while the demo loads (nothing is downloaded): abstract shapes
in the project's colours with the page's title, each with alternative text, a credit and a licence like any
picture an editor uploads, and attached through a published revision in every language, so the picture is on
the live page, in the editors' next draft and on the page's record of the files it uses."""

import hashlib
import random
import textwrap
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Page

TEAL = (0, 92, 110)
SAND = (244, 236, 221)
CORAL = (214, 96, 77)
YELLOW = (242, 178, 51)
PLUM = (90, 60, 140)
GREEN = (40, 120, 70)
PALETTE = [TEAL, CORAL, YELLOW, PLUM, GREEN]
SIZE = (1200, 675)
CREDIT = "Illustrasjon: Samskapingshuben"
ALT = {
    "nb": "Illustrasjon med fargerike sirkler og firkanter og teksten «{title}».",
    "nn": "Illustrasjon med fargerike sirklar og firkantar og teksten «{title}».",
    "en": "Illustration with colourful circles and squares and the words «{title}».",
}


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def draw(title):
    """A 16:9 JPEG: shapes placed from the title (the same title always gives the same picture), the title on a
    sand-coloured band."""
    rng = random.Random(hashlib.sha256(title.encode()).hexdigest())  # noqa: S311 - layout, not security
    background = rng.choice(PALETTE)
    img = Image.new("RGB", SIZE, background)
    shapes = ImageDraw.Draw(img, "RGBA")
    for _ in range(7):
        colour = rng.choice([c for c in PALETTE if c != background] + [SAND])
        x, y, r = rng.randint(-100, SIZE[0]), rng.randint(-100, 420), rng.randint(60, 220)
        if rng.random() < 0.6:
            shapes.ellipse((x - r, y - r, x + r, y + r), fill=colour + (210,))
        else:
            shapes.rounded_rectangle((x - r, y - r // 2, x + r, y + r // 2), radius=24, fill=colour + (210,))
    shapes.rectangle((0, 430, SIZE[0], SIZE[1]), fill=SAND + (240,))
    text = ImageDraw.Draw(img)
    font = _font(52)
    for i, line in enumerate(textwrap.wrap(title, width=38)[:3]):
        text.text((60, 460 + i * 66), line, font=font, fill=(30, 30, 30))
    buffer = BytesIO()
    img.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def ensure_picture(title):
    """The demo picture for `title`, drawn once (looked up by its title afterwards)."""
    model = get_image_model()
    image_title = f"Illustrasjon: {title}"
    image = model.objects.filter(title=image_title).first()
    if image is None:
        image = model(
            title=image_title,
            description=ALT["nb"].format(title=title),
            credit=CREDIT,
            licence="CC BY 4.0",
        )
        filename = f"illustrasjon-{hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:10]}.jpg"
        image.file.save(filename, ImageFile(BytesIO(draw(title)), name=filename), save=False)
        image._set_image_file_metadata()
        image.save()
    return image


def _versions(page):
    """The page and its translations, each as its specific page."""
    return [p.specific for p in Page.objects.filter(translation_key=page.translation_key).order_by("pk")]


def set_picture(page):
    """Give `page` (a method or an event) and its translations the picture drawn from its title."""
    image = None
    for version in _versions(page):
        if version.image_id is None:
            image = image or ensure_picture(page.title)
            version.image = image
            version.save_revision().publish()


def add_story_picture(story):
    """Give `story` and its translations the picture drawn from its title, with alt text in each language."""
    from stories.models import CaseStoryImage

    image = None
    for version in _versions(story):
        if version.images.exists():
            continue
        image = image or ensure_picture(story.title)
        alt = ALT.get(version.locale.language_code, ALT["en"]).format(title=story.title)
        version.images = [CaseStoryImage(image=image, alt_text=alt, credit=CREDIT, sort_order=0)]
        version.save_revision().publish()
