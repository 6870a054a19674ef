"""Images and a PDF for the demo media kit, drawn locally with Pillow (nothing is downloaded)."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

TEAL = (0, 92, 110)
SAND = (244, 236, 221)
CORAL = (214, 96, 77)


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def logo_png():
    img = Image.new("RGBA", (1200, 400), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate((TEAL, CORAL, (242, 178, 51))):
        draw.ellipse((60 + i * 110, 100, 260 + i * 110, 300), fill=colour + (220,))
    draw.text((560, 130), "Samskaping", font=_font(110), fill=TEAL)
    draw.text((565, 260), "fra planverk til hverdagspraksis", font=_font(44), fill=(40, 40, 40))
    return _save(img, "PNG")


def photo_jpeg(people=True):
    """A stand-in "photo": a warm library room, with or without figures of people at a table."""
    img = Image.new("RGB", (2400, 1600), SAND)
    draw = ImageDraw.Draw(img)
    for x in range(0, 2400, 160):  # bookshelves
        draw.rectangle((x + 10, 80, x + 140, 700), fill=(120 + x % 90, 80, 60))
    draw.rectangle((400, 1000, 2000, 1100), fill=(150, 110, 70))  # table
    if people:
        for i, colour in enumerate((TEAL, CORAL, (90, 60, 140), (40, 120, 70))):
            cx = 600 + i * 380
            draw.ellipse((cx - 70, 620, cx + 70, 760), fill=(230, 190, 160))
            draw.rounded_rectangle((cx - 120, 770, cx + 120, 1000), radius=60, fill=colour)
    return _save(img, "JPEG")


def fact_sheet_pdf(lines):
    img = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(img)
    y = 120
    for i, line in enumerate(lines):
        draw.text((100, y), line, font=_font(56 if i == 0 else 32), fill=TEAL if i == 0 else (20, 20, 20))
        y += 110 if i == 0 else 56
    return _save(img, "PDF")


def _save(img, fmt):
    buf = BytesIO()
    img.save(buf, format=fmt)
    return buf.getvalue()


def ensure_image(title, filename, data):
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        image = Image_(title=title)
        image.file.save(filename, ImageFile(BytesIO(data), name=filename), save=False)
        image._set_image_file_metadata()
        image.save()
    return image


def ensure_document(title, filename, data):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(data, name=filename), save=False)
        document._set_document_file_metadata()
        document.save()
    return document
