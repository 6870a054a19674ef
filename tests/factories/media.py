"""Uploaded files for tests: real images and documents, and hostile ones built byte by byte."""

import io
import struct
import zlib

from django.core.files.base import ContentFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png_bytes(size=(40, 30)):
    buf = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buf, format="PNG")
    return buf.getvalue()


def jpeg_bytes(size=(40, 30)):
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buf, format="JPEG")
    return buf.getvalue()


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width=13_000, height=13_000):
    """A PNG of a few hundred bytes whose header claims width × height pixels (a decompression bomb's shape):
    one deflated row of zeros, so nothing here ever allocates the picture."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    data = zlib.compress(b"\0" * (width + 1), 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def make_image(title="Testbilde", name="testbilde.png"):
    image = get_image_model()(title=title, file=ContentFile(png_bytes(), name=name))
    image.save()
    return image


def make_document(title="Testvedlegg", name="vedlegg.pdf", content=PDF):
    document = get_document_model()(title=title, file=ContentFile(content, name=name))
    document.save()
    return document
