"""Settings shared by every environment. Anything that differs per deployment comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "hub"


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "infrastructure",
    "hub",
    "methods",
    "stories",
    "events",
    "press",
    "search",
    "cockpit",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # the built-in widget templates for infrastructure.form_rendering's project-wide template lookup
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hub.locales.RequestLocaleCacheMiddleware",  # one Locale query per language per request
    "infrastructure.security.SecurityHeadersMiddleware",  # CSP, Permissions-Policy, …: public site strict, admin looser
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "infrastructure.cache.PageCacheMiddleware",  # whole pages for anonymous visitors (see infrastructure/cache.py)
    "hub.routing.SiteRootMiddleware",  # the site's root page in its own class without a query
    "infrastructure.security.LoginThrottleMiddleware",  # admin login attempts per client and user name
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "hub.wsgi.application"

# SQLite as a serious embedded database: every transaction takes the write lock when it begins (IMMEDIATE), so
# two writers queue instead of one failing with "database is locked" when it upgrades a read lock; a busy writer
# is waited for (timeout, seconds); WAL lets readers go on while one writes, and synchronous=NORMAL is durable
# with WAL except for the last commits on power loss. PostgreSQL gets none of this (it has row locks).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": float(env("SQLITE_BUSY_TIMEOUT", "20")),
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_config(url, **kwargs):
    """One database from its URL, with the SQLite options above when it is SQLite."""
    config = dj_database_url.parse(url, **kwargs)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


DATABASES = {
    "default": database_config(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Bokmål first, then Nynorsk and English. Never "no".
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/designsystemet", NODE_MODULES / "@digdir" / "designsystemet-css" / "dist" / "src"),
    ("vendor/designsystemet-theme", NODE_MODULES / "@digdir" / "designsystemet-theme" / "brand"),
]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Samskapingshuben"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Our image model: alt text (or decorative), credit, licence and consent on every picture (hub/models/images.py).
WAGTAILIMAGES_IMAGE_MODEL = "hub.HubImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "hub.image_forms.HubImageForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
WAGTAILEMBEDS_FINDERS = []  # no oEmbed fetches at run time: the hub reaches no network
WAGTAIL_MODERATION_ENABLED = True

# Search: the embedded default is the database backend (SQLite FTS5 / PostgreSQL full text); SEARCH_BACKEND and
# SEARCH_URL choose an engine (hub/settings/search.py, settings only: it names the backends, imports no app).
from hub.settings.search import search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = search_backends()

# Tasks: Wagtail queues indexing and cache purges as tasks; e-mails too (see events).
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Samskapingshuben <post@samskaping.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EDITORS_EMAIL = env_list("EDITORS_EMAIL", "redaksjon@samskaping.example")

CACHES = {
    "default": {
        "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env("CACHE_LOCATION", "samskaping"),
        "TIMEOUT": 300,
    },
    # Wagtail looks renditions up here and writes each one back on every use: a bounded cache in each process
    # keeps that off the shared cache (with the database cache it cost five queries per image per view).
    # A rendition never changes in place (a new focal point or file is a new key), so a per-process copy is
    # never stale; one deleted with its image lives at most TIMEOUT seconds.
    "renditions": {
        "BACKEND": env("RENDITIONS_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env("RENDITIONS_CACHE_LOCATION", "samskaping-renditions"),
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

from .logconfig import logging_config  # noqa: E402

LOGGING = logging_config()  # LOG_FORMAT=json for one JSON object per line; LOG_LEVEL

# Descriptive labels used by the admin for the languages.
LANGUAGE_LABELS = {"nb": _("Norwegian Bokmål"), "nn": _("Norwegian Nynorsk"), "en": _("English")}

# --- Production foundation: caching and front-end cache purge ------------------------------------
# Whole-page cache for anonymous visitors (infrastructure/cache.py); 0 = off.
# Needs a shared cache with several processes.
HUB_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
HUB_PAGE_CACHE_QUERY_PARAMS = env_list("PAGE_CACHE_QUERY_PARAMS", "page")
# Header, menu and footer data kept per content generation (hub/chrome.py). Needs a cache shared by every process.
HUB_FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", False)
# Seconds a shared HTTP cache (nginx) may keep a page (Cache-Control: s-maxage); 0 = not at all.
HUB_FRONTEND_MAX_AGE = int(env("FRONTEND_CACHE_MAX_AGE", "0"))
HUB_CACHE_REFRESH_TOKEN = env("FRONTEND_CACHE_TOKEN", "")
# FRONTEND_CACHE_URL: the nginx cache in front (tools/nginx/), asked to refresh pages on publish/unpublish.
WAGTAILFRONTENDCACHE = (
    {
        "nginx": {
            "BACKEND": "infrastructure.cache.NginxRefreshBackend",
            "LOCATION": env("FRONTEND_CACHE_URL"),
            "TOKEN": HUB_CACHE_REFRESH_TOKEN,
        }
    }
    if env("FRONTEND_CACHE_URL")
    else {}
)
HUB_LOGIN_RATE = (int(env("LOGIN_RATE_LIMIT", "10")), int(env("LOGIN_RATE_WINDOW", "300")))
# Searches per client address a minute (search/views.py keeps the default, 120): raised for a load test of the
# search page itself, which would otherwise measure the friendly refusal.
if env("SEARCH_RATE_LIMIT"):
    SEARCH_RATE_LIMIT = (int(env("SEARCH_RATE_LIMIT")), 60)
# Reverse proxies in front of the app that append to X-Forwarded-For (infrastructure.antispam.client_address).
HUB_PROXY_HOPS = int(env("PROXY_HOPS", "0"))
HUB_HEALTH_TASK_MAX_AGE = int(env("HEALTH_TASK_MAX_AGE", "900"))
# Bearer token for the operators' readiness view /healthz/ready (infrastructure/health.py); staff sessions need none.
HUB_HEALTH_TOKEN = env("HEALTH_TOKEN", "")

# --- Events: registrations' retention, reminders and e-mail retries --------------------------------
REGISTRATION_RETENTION_DAYS = int(env("REGISTRATION_RETENTION_DAYS", "90"))  # personal data anonymised after the event
EVENT_REMINDER_HOURS = int(env("EVENT_REMINDER_HOURS", "24"))  # reminder e-mail this long before a session
MAIL_MAX_ATTEMPTS = int(env("MAIL_MAX_ATTEMPTS", "5"))  # automatic retries of a failed e-mail (database task backend)

# --- Uploaded files under embargo and upload limits ------------------------------------------------
# Local media go through infrastructure.media_serving (the embargo check); behind tools/nginx set
# MEDIA_ACCEL_REDIRECT to nginx's internal location ("/_media/") so nginx sends the bytes.
# Public files are cacheable for MEDIA_MAX_AGE.
HUB_MEDIA_SERVED_BY_APP = True
HUB_MEDIA_ACCEL_REDIRECT = env("MEDIA_ACCEL_REDIRECT", "")
HUB_MEDIA_MAX_AGE = int(env("MEDIA_MAX_AGE", str(24 * 3600)))
HUB_MEDIA_SIGNED_URL_SECONDS = int(env("MEDIA_SIGNED_URL_SECONDS", "300"))  # S3: withheld files' URLs
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents always pass Wagtail's view and its before_serve_document hook
SENDFILE_BACKEND = "infrastructure.media_serving"
# Decompression bombs: no image past 40 megapixels (a 13 000 × 13 000 PNG is 169); no SVG (it can carry script).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("MAX_IMAGE_PIXELS", str(40_000_000)))
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "infrastructure.upload_forms.DocumentForm"
