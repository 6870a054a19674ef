"""Tests: PostgreSQL from DATABASE_URL (the test command starts it), immediate tasks, in-memory mail."""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# axe-core for the browser tests' accessibility checks, served from our own origin.
STATICFILES_DIRS = [*STATICFILES_DIRS, ("vendor/axe", NODE_MODULES / "axe-core")]  # noqa: F405
# Many tests sign in through the login form within minutes; tests of the throttle set their own limit.
HUB_LOGIN_RATE = (10_000, 300)
# The whole suite searches from one address within minutes; the rate-limit tests set their own limits.
SEARCH_RATE_LIMIT = (10_000, 60)
SEARCH_AUTOCOMPLETE_RATE_LIMIT = (10_000, 60)
