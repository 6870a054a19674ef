"""Pages load one Designsystemet stylesheet holding only the components the hub uses, and it matches the packages."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import designsystemet_subset as subset  # noqa: E402


def defined_classes(css):
    return set(re.findall(r"\.(ds-[a-z0-9]+(?:-[a-z0-9]+)*)", css))


def test_committed_stylesheet_is_what_the_packages_and_templates_make_now():
    assert subset.OUTPUT.read_text(encoding="utf-8") == subset.build(), (
        "static/vendor/designsystemet-hub.css is out of date: run .venv/bin/python tools/designsystemet_subset.py"
    )


def test_every_component_the_hub_uses_keeps_its_styles():
    full = defined_classes(subset.BUNDLE.read_text(encoding="utf-8"))
    kept = defined_classes(subset.OUTPUT.read_text(encoding="utf-8"))
    used = subset.used_classes() & full
    assert {"ds-button", "ds-input", "ds-field", "ds-alert", "ds-heading", "ds-link", "ds-table"} <= used
    assert used <= kept


def test_components_no_page_uses_are_left_out_and_the_file_is_smaller():
    bundle = subset.BUNDLE.read_text(encoding="utf-8")
    theme = subset.THEME.read_text(encoding="utf-8")
    made = subset.subset(bundle, theme, {"ds-button"}, {"light"})
    assert ".ds-button{" in made and ".ds-dialog{" not in made and ".ds-search{" not in made
    assert '[data-color-scheme="dark"]' not in made and '[data-color-scheme="light"]' in made
    assert made.startswith('@charset "UTF-8";')
    assert len(subset.OUTPUT.read_bytes()) < 0.7 * (len(bundle.encode()) + len(theme.encode()))


def test_a_component_in_use_is_kept_whole():
    bundle = subset.BUNDLE.read_text(encoding="utf-8")
    dialog = next(r for r in subset.top_level_rules(bundle) if ".ds-dialog{" in r)
    assert dialog in subset.subset(bundle, "", {"ds-dialog"}, {"light"})


@pytest.mark.django_db
def test_pages_ask_for_one_designsystemet_stylesheet_before_rendering(client):
    html = client.get("/nb/").content.decode()
    blocking = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    assert any("vendor/designsystemet-hub" in href for href in blocking)
    assert not any("designsystemet/index" in href or "digdir.css" in href for href in blocking)
    assert len(blocking) <= 3  # Designsystemet, hub.css and at most one stylesheet of the page's app
