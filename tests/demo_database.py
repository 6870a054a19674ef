"""The demo content in a PostgreSQL template database: built once, cloned for every test session.

Migrating and loading the demo (three languages, translations, registrations) takes more than a minute; a clone
with ``CREATE DATABASE … TEMPLATE`` takes about a second. The template's name carries a digest of everything that
shapes the demo (migrations, demo modules and commands, taxonomy data, the lock file), so changing any of them
builds a new template instead of reusing a stale one. ``HUB_DEMO_TEMPLATE=rebuild`` forces a new one.

The migrated schema alone is a template of its own (``hubschema_<digest of the migrations>``): the demo template
starts as a copy of it, and tests that load their own content with other settings (several app servers in
production settings) start from it instead of migrating again, which costs most of a minute of CPU.

``python -m tests.demo_database`` (with the test settings) builds the template if missing and exits.
"""

import hashlib
import logging
import os
import time
import uuid
from pathlib import Path

import psycopg
from django.core.management import call_command
from django.db import connections
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
APPS = ("hub", "methods", "stories", "events", "press", "search", "cockpit")
KEY_PATTERNS = ("*/migrations/*.py", "*/demo*.py", "*/management/commands/*.py", "hub/data/*", "hub/translation.py")
PREFIX = "hubdemo_"
SCHEMA_PREFIX = "hubschema_"

logger = logging.getLogger(__name__)


def demo_key(only=None):
    """A short digest of the inputs that decide what the demo database holds."""
    from django.conf import settings

    digest = hashlib.sha256((ROOT / "uv.lock").read_bytes())
    digest.update((only or "all").encode())
    digest.update(str(settings.MEDIA_ROOT).encode())  # the demo's files live there: another checkout, another build
    for pattern in KEY_PATTERNS:
        for path in sorted(p for app in APPS for p in ROOT.glob(pattern) if p.is_relative_to(ROOT / app)):
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def schema_key():
    """A short digest of what decides the migrated schema: the migrations and the lock file (Django, Wagtail)."""
    digest = hashlib.sha256((ROOT / "uv.lock").read_bytes())
    for path in sorted(p for app in APPS for p in ROOT.glob("*/migrations/*.py") if p.is_relative_to(ROOT / app)):
        digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def connect(settings_dict, dbname, autocommit=False):
    """A connection to database `dbname` on the cluster `settings_dict` (Django's) points at."""
    params = {name: settings_dict.get(name.upper()) or None for name in ("host", "port", "user", "password")}
    return psycopg.connect(dbname=dbname, autocommit=autocommit, **{k: v for k, v in params.items() if v})


def _admin(settings_dict):
    """An autocommit connection to the cluster's maintenance database, for CREATE/DROP DATABASE."""
    return connect(settings_dict, "postgres", autocommit=True)


def _exists(admin, name):
    return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def drop(settings_dict, name):
    with _admin(settings_dict) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def clone(settings_dict, template, name):
    """Create ``name`` as a copy of ``template``; retried while another session is still copying it."""
    with _admin(settings_dict) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
        for attempt in range(30):
            try:
                admin.execute(statement)
                return
            except psycopg.errors.ObjectInUse:
                logger.info("template %s busy, retrying the clone (attempt %s)", template, attempt + 1)
                time.sleep(1)
        admin.execute(statement)


def ensure_template(only=None):
    """The name of a template database holding the migrated schema and the demo content, built if missing.

    Built under a temporary name and renamed when complete, so a session that stops half-way leaves no
    half-loaded template behind; an advisory lock lets parallel sessions build it once.
    """
    connection = connections["default"]
    settings_dict = connection.settings_dict
    template = f"{PREFIX}{demo_key(only)}"
    with _admin(settings_dict) as lock:  # one builder at a time; the others wait, then find it built
        lock.execute("SELECT pg_advisory_lock(hashtext(%s))", [template])
        files_gone = not (Path(_media_root()) / "original_images").is_dir()  # var/media cleaned away
        if not _exists(lock, template) or files_gone or os.environ.get("HUB_DEMO_TEMPLATE") == "rebuild":
            _build_demo(connection, template, only)
    return template


def ensure_schema(rebuild=False):
    """The name of a template database holding the migrated schema and nothing else, built if missing."""
    connection = connections["default"]
    template = f"{SCHEMA_PREFIX}{schema_key()}"
    with _admin(connection.settings_dict) as lock:
        lock.execute("SELECT pg_advisory_lock(hashtext(%s))", [template])
        if rebuild or not _exists(lock, template):
            _build(connection, template, lambda: call_command("migrate", "--noinput", verbosity=0))
    return template


def _media_root():
    from django.conf import settings

    return settings.MEDIA_ROOT


def _build_demo(connection, template, only):
    """A copy of the migrated schema with the demo loaded into it, under the template's name."""
    schema = ensure_schema(rebuild=os.environ.get("HUB_DEMO_TEMPLATE") == "rebuild")
    _build(
        connection,
        template,
        lambda: call_command("load_demo", "--no-admin", *(["--only", only] if only else []), verbosity=0),
        start_from=schema,
    )


def _build(connection, template, fill, start_from=None):
    """Fill a new database (empty, or a copy of start_from), then give it the template's name."""
    settings_dict = connection.settings_dict
    building = f"{PREFIX}build_{uuid.uuid4().hex[:8]}"
    if start_from:
        clone(settings_dict, start_from, building)
    else:
        with _admin(settings_dict) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
    original = settings_dict["NAME"]
    try:
        connection.close()
        settings_dict["NAME"] = building
        fill()
    finally:
        connections.close_all()
        settings_dict["NAME"] = original
    with _admin(settings_dict) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(template)))
        admin.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(building), sql.Identifier(template))
        )
    return template


if __name__ == "__main__":  # the test command builds the template while it lints and starts the other services
    import django

    django.setup()
    ensure_template(os.environ.get("HUB_DEMO_APPS"))
