"""A migrated SQLite file for the tests that run the embedded default (hub.settings.dev on SQLite) over HTTP.

Migrating SQLite costs most of a minute of CPU, so the migrated file is kept under var/test-cache/, named by a
digest of the migrations and the lock file, and each test copies it (the ``sqlite_migrated`` fixture). Parallel
test processes build it once: the builder holds a file lock, the others wait on it and find the result. On a
fresh checkout the build starts in the background as soon as the collected tests need it
(``start_background_build``), so it runs while the test processes wait for the PostgreSQL demo template rather
than after it.

``python -m tests.sqlite_database`` builds the file (if missing) and exits: a process of its own, since the
migration needs Django set up on SQLite settings.
"""

import fcntl
import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = ROOT / "var" / "test-cache"
LOCK = CACHE_DIR / "sqlite-migrated.lock"

logger = logging.getLogger(__name__)


def dev_env(db_path, media):
    """The environment of a manage.py process on the SQLite file db_path (no PostgreSQL, search or cache URLs)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEARCH_", "DATABASE_", "CACHE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.dev",
        DATABASE_URL=f"sqlite:///{db_path}",
        DEBUG="false",
        MEDIA_ROOT=str(media),
        PYTHONUNBUFFERED="1",
    )
    return env


def migrations_key():
    digest = hashlib.sha256((ROOT / "uv.lock").read_bytes())
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def cached_file():
    return CACHE_DIR / f"sqlite-migrated-{migrations_key()}.sqlite3"


def build():
    """The migrated file, built now (in a process of its own, on SQLite settings) unless it exists."""
    cached = cached_file()
    if not cached.exists():
        result = subprocess.run(_builder(), cwd=ROOT, capture_output=True, text=True, timeout=900)
        if result.returncode != 0 or not cached.exists():
            raise RuntimeError(f"migrating SQLite failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return cached


def start_background_build():
    """Start building the migrated file in a process of its own unless it exists; the process, or None."""
    if cached_file().exists():
        return None
    logger.info("migrating the SQLite test database in the background")
    return subprocess.Popen(
        _builder(),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # a failure shows, with its message, when a test then builds the file itself
    )


def _builder():
    return [sys.executable, "-m", "tests.sqlite_database"]


def _migrate_into_cache():
    """Holding the lock: migrate a scratch file in this process, then move it under the cached name. Parallel
    builders wait on the lock and find the file there; a builder stopped half-way leaves only its scratch file."""
    cached = cached_file()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cached.exists():
            return
        for stale in CACHE_DIR.glob("building-*.sqlite3*"):
            stale.unlink()
        scratch = CACHE_DIR / f"building-{os.getpid()}.sqlite3"
        os.environ.update(dev_env(scratch, CACHE_DIR / "media"))
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
        from django.db import connections

        connections.close_all()
        os.replace(scratch, cached)


if __name__ == "__main__":
    _migrate_into_cache()
