"""Minimal settings for extracting and compiling message catalogues without loading the apps:
`DJANGO_SETTINGS_MODULE=hub.settings.i18n .venv/bin/django-admin makemessages -l nb -l nn -l en ...`."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SECRET_KEY = "i18n-only"
USE_I18N = True
LANGUAGE_CODE = "nb"
LOCALE_PATHS = [BASE_DIR / "locale"]
INSTALLED_APPS = []
