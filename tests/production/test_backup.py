"""Backup and restore (tools/backup.sh, tools/restore.sh): dump, wipe, restore — every table has the same rows
(pages, and registrations once events exist) and the media files are back."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections

from tests import demo_database

pytestmark = pytest.mark.e2e  # starts the hub, or a part of it, in processes of its own

ROOT = Path(__file__).resolve().parents[2]


def psql(dburl, sql):
    out = subprocess.run(["psql", "-Atq", "-d", dburl, "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def snapshot(dburl):
    """Row count of every table in the public schema, plus the live page titles."""
    tables = psql(dburl, "select tablename from pg_tables where schemaname='public' order by 1")
    union = " union all ".join(f"select '{t}', count(*) from public.\"{t}\"" for t in tables)
    counts = dict(line.split("|") for line in psql(dburl, union))
    titles = psql(dburl, "select url_path || ' ' || title from wagtailcore_page where live order by path")
    return counts, titles


@pytest.fixture
def source_db(tmp_path, django_db_setup, django_db_blocker):
    base, main = os.environ.get("DATABASE_URL", "postgres:///samskaping").rsplit("/", 1)
    name = f"{main}_backup_{os.getpid()}"
    dburl = f"{base}/{name}"
    env = dict(
        os.environ, DATABASE_URL=dburl, DJANGO_SETTINGS_MODULE="hub.settings.test", MEDIA_ROOT=str(tmp_path / "media")
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    with django_db_blocker.unblock():  # the demo content, cloned from the template the session built
        template = demo_database.ensure_template(os.environ.get("HUB_DEMO_APPS"))
        demo_database.clone(connections["default"].settings_dict, template, name)
    only = os.environ.get("HUB_DEMO_APPS")
    if not only or "events" in only:  # people registered for an event: personal data the backup must keep
        code = (
            "from events.models import EventPage, Registration\n"
            "from events.registration import RegistrationUnavailable, register\n"
            "for e in EventPage.objects.live().filter(locale__language_code='nb'):\n"
            "    try:\n"
            "        for i in range(3): register(e, name=f'Deltaker {i}', email=f'deltaker{i}@example.com')\n"
            "    except RegistrationUnavailable:\n"
            "        continue\n"
            "    break\n"
            "assert Registration.objects.count() >= 3\n"
        )
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "kart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(256))
    (media / "documents").mkdir(exist_ok=True)
    (media / "documents" / "veileder æøå.pdf").write_bytes(b"%PDF-1.4 test")
    yield env, name
    subprocess.run(["dropdb", "--if-exists", name], check=True)


def test_backup_wipe_restore_gives_back_every_row_and_file(source_db, tmp_path):
    env, name = source_db
    dburl = env["DATABASE_URL"]
    media = Path(env["MEDIA_ROOT"])
    before_counts, before_titles = snapshot(dburl)
    assert int(before_counts["wagtailcore_page"]) > 3 and before_titles
    if "events_registration" in before_counts:
        assert int(before_counts["events_registration"]) >= 3
    files_before = sorted((p.relative_to(media).as_posix(), p.read_bytes()) for p in media.rglob("*") if p.is_file())

    backup = subprocess.run(
        ["bash", "tools/backup.sh", str(tmp_path / "backup")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert backup.returncode == 0, backup.stderr
    manifest = (tmp_path / "backup" / "manifest.txt").read_text()
    assert "db.dump" in manifest and f"media_files={len(files_before)}" in manifest

    # Wipe: the database is gone and recreated empty, the media directory emptied.
    subprocess.run(["dropdb", name], check=True)
    subprocess.run(["createdb", name], check=True)
    for p in sorted(media.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    assert psql(dburl, "select count(*) from pg_tables where schemaname='public'") == ["0"]

    restore = subprocess.run(
        ["bash", "tools/restore.sh", str(tmp_path / "backup")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert restore.returncode == 0, restore.stderr
    after_counts, after_titles = snapshot(dburl)
    assert after_counts == before_counts
    assert after_titles == before_titles
    files_after = sorted((p.relative_to(media).as_posix(), p.read_bytes()) for p in media.rglob("*") if p.is_file())
    assert files_after == files_before

    # The restored site works: migrations are all applied and the home page renders.
    check = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_restore_refuses_a_tampered_backup(source_db, tmp_path):
    env, _ = source_db
    subprocess.run(["bash", "tools/backup.sh", str(tmp_path / "b")], cwd=ROOT, env=env, check=True, capture_output=True)
    with open(tmp_path / "b" / "media.tar.gz", "ab") as f:
        f.write(b"junk")
    result = subprocess.run(
        ["bash", "tools/restore.sh", str(tmp_path / "b")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
