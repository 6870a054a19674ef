"""The starter pack in a real browser: filtering without JavaScript tricks, walking the course, and axe."""

import pytest

pytestmark = pytest.mark.e2e


def test_filter_the_starter_pack_then_widen_again(page, server_url, axe):
    page.goto(server_url + "/nb/startpakken/")
    assert page.locator("h1").inner_text() == "Startpakke i samskaping"
    total = page.locator(".method-grid > li").count()
    assert total >= 14
    assert axe(page) == []

    page.locator("#f-digital-ja").check()
    page.locator("#f-fase-utforske").check()
    page.locator(".method-filters button[type=submit]").click()
    page.wait_for_url("**/nb/startpakken/?*")
    assert "digital=ja" in page.url and "fase=utforske" in page.url
    cards = page.locator(".method-grid > li")
    assert 1 <= cards.count() < total
    assert cards.filter(has_text="Utforskende samtale").count() == 1
    assert page.locator("#f-digital-ja").is_checked()
    assert axe(page) == []

    # Shareable: the same URL in a fresh page gives the same list.
    url = page.url
    page.goto(url)
    assert page.locator(".method-grid > li").count() == cards.count()

    page.locator(".method-chosen a").first.click()
    assert page.locator(".method-grid > li").count() > 1


def test_method_page_is_accessible(page, server_url, axe):
    page.goto(server_url + "/nb/startpakken/utforskende-samtale/")
    assert page.locator("h1").inner_text() == "Utforskende samtale"
    assert page.locator(".course-toc").count() == 0
    assert axe(page) == []


def test_walk_two_course_steps_and_progress_is_remembered(page, server_url, axe):
    page.goto(server_url + "/nb/startpakken/kurs/")
    page.locator("[data-course-continue]").click()
    page.wait_for_url("**/kurs/kom-i-gang/hva-er-samskaping/")
    assert page.locator('.course-toc [aria-current="step"]').inner_text() == "Hva er samskaping?"
    assert axe(page) == []

    page.locator('a[rel="next"]').click()
    page.wait_for_url("**/kurs/kom-i-gang/slik-bruker-du-startpakken/")
    assert page.locator('.course-toc [aria-current="step"]').inner_text() == "Slik bruker du startpakken"
    page.locator('a[rel="next"]').click()
    page.wait_for_url("**/kurs/kom-i-gang/samskapingsplakat/")
    assert page.locator(".method-summary").count() == 1
    assert axe(page) == []

    page.locator('a[rel="prev"]').click()
    page.wait_for_url("**/kurs/kom-i-gang/slik-bruker-du-startpakken/")

    # The browser remembers visited steps: ticks in the contents and "continue" on the course page.
    assert page.locator(".course-toc li.is-visited").count() == 3
    page.goto(server_url + "/nb/startpakken/kurs/")
    progress = page.locator("[data-course-progress]")
    assert progress.is_visible() and progress.inner_text().startswith("3")
    continue_link = page.locator("[data-course-continue]")
    assert continue_link.get_attribute("href").endswith("/kurs/forberede/interessentkart/")
