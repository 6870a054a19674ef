"""Production: every value from the environment; fails loudly when a required one is missing."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403


def required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production")
# Connections are kept ten minutes (checked before reuse): on PostgreSQL a connection loads the Norwegian
# dictionaries of the search on its first search in each language (about 0.35 s Bokmål, 0.2 s Nynorsk), so a
# short-lived connection would make every few dozen searches pay that again.
DATABASES["default"] = database_config(  # noqa: F405
    required("DATABASE_URL"),
    conn_max_age=int(env("DB_CONN_MAX_AGE", "600")),  # noqa: F405
    conn_health_checks=True,
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": env("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if STORAGES["default"]["BACKEND"] in ("storages.backends.s3.S3Storage", "infrastructure.storage.EmbargoS3Storage"):
    # Objects are private until the app knows they are not withheld (infrastructure.embargo), then public-read
    # with plain, cacheable URLs; withheld ones get short-lived signed URLs (editors' previews).
    # The bucket must allow ACLs.
    STORAGES["default"]["BACKEND"] = "infrastructure.storage.EmbargoS3Storage"
    AWS_STORAGE_BUCKET_NAME = required("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")  # noqa: F405
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = "private"
    AWS_QUERYSTRING_EXPIRE = HUB_MEDIA_SIGNED_URL_SECONDS  # noqa: F405
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": f"public, max-age={HUB_MEDIA_MAX_AGE}"}  # noqa: F405
    HUB_MEDIA_SERVED_BY_APP = False  # media URLs point at the bucket
    WAGTAILDOCS_SERVE_METHOD = "redirect"  # after the embargo check, to the (signed, if withheld) object URL

TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}  # noqa: F405

# --- Production foundation ------------------------------------------------------------------------------------
# Load balancers probe /healthz and /healthz/ready over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/ready)?$"]
SESSION_COOKIE_SAMESITE = "Lax"
# nginx (tools/nginx) in front of the app servers; 2 with a load balancer before nginx.
HUB_PROXY_HOPS = int(env("PROXY_HOPS", "1"))  # noqa: F405
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin JavaScript reads the CSRF cookie
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Static files: hashed names (CompressedManifestStaticFilesStorage) are served by WhiteNoise with
# `Cache-Control: max-age=315360000, public, immutable`; unhashed ones for a day.
WHITENOISE_MAX_AGE = int(env("STATIC_MAX_AGE", str(24 * 3600)))  # noqa: F405
# The whole-page cache is on by default when the cache is shared between processes (not LocMem).
_shared_cache = "locmem" not in CACHES["default"]["BACKEND"].lower()  # noqa: F405
HUB_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300" if _shared_cache else "0"))  # noqa: F405
HUB_FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", _shared_cache)  # noqa: F405
# With the nginx cache in front, it may keep pages this long; publishes refresh them at once.
HUB_FRONTEND_MAX_AGE = int(env("FRONTEND_CACHE_MAX_AGE", "300" if env("FRONTEND_CACHE_URL") else "0"))  # noqa: F405
if env("FRONTEND_CACHE_URL") and not HUB_CACHE_REFRESH_TOKEN:  # noqa: F405
    raise ImproperlyConfigured("FRONTEND_CACHE_TOKEN is required when FRONTEND_CACHE_URL is set")
