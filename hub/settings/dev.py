"""One machine, no services: SQLite, database search (FTS5), console e-mail, in-process cache."""

from .base import *  # noqa: F401,F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")  # noqa: F405
