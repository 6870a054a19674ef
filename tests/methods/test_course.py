"""The course: previous/next in the editors' order, across modules, with clear ends; no chrome outside."""

import re

import pytest

from methods.models import CourseMethodStepPage, CoursePage, MethodPage
from tests.helpers import ui

pytestmark = pytest.mark.django_db

BASE = "/nb/startpakken/kurs/"


def links(html, rel):
    match = re.search(rf'<a [^>]*rel="{rel}" href="([^"]+)"', html)
    return match.group(1) if match else None


def test_course_steps_follow_the_page_tree_order_across_modules(client):
    course = CoursePage.objects.get(locale__language_code="nb")
    steps = [p for p in course.get_descendants().live().order_by("path") if p.depth == course.depth + 2]
    urls = [p.url for p in steps]
    assert len(urls) >= 14
    for i, url in enumerate(urls):
        html = client.get(url).content.decode()
        assert links(html, "prev") == (urls[i - 1] if i > 0 else None)
        assert links(html, "next") == (urls[i + 1] if i + 1 < len(urls) else None)


def test_first_step_has_no_previous_and_last_step_has_no_next(client):
    first = client.get(BASE + "kom-i-gang/hva-er-samskaping/").content.decode()
    assert links(first, "prev") is None
    assert links(first, "next") == BASE + "kom-i-gang/slik-bruker-du-startpakken/"
    last = client.get(BASE + "evaluere-og-dele/del-erfaringene/").content.decode()
    assert links(last, "next") is None
    assert ui("This is the last step of the course.") in last
    assert links(last, "prev") == BASE + "evaluere-og-dele/evalueringsverksted/"


def test_next_crosses_into_the_next_module(client):
    html = client.get(BASE + "kom-i-gang/samskapingsplakat/").content.decode()
    assert links(html, "next") == BASE + "forberede/interessentkart/"


def test_table_of_contents_marks_where_you_are(client):
    html = client.get(BASE + "utforske/brukerreise/").content.decode()
    assert re.search(r'href="/nb/startpakken/kurs/utforske/brukerreise/" aria-current="step"', html)
    assert html.count('aria-current="step"') == 1
    assert "data-course-step=" in html and "methods/course.js" in html


def test_method_step_shows_the_method_inside_the_course(client):
    step = CourseMethodStepPage.objects.get(slug="prototyping", locale__language_code="nb")
    html = client.get(step.url).content.decode()
    assert step.method.summary in html
    assert "course-toc" in html


def test_method_page_outside_the_course_has_no_course_chrome(client):
    method = MethodPage.objects.get(slug="prototyping", locale__language_code="nb")
    html = client.get(method.url).content.decode()
    assert method.summary in html
    assert "course-toc" not in html and 'rel="next"' not in html and "course.js" not in html


def test_moving_a_step_changes_the_course_order(client):
    a = CourseMethodStepPage.objects.get(slug="interessentkart", locale__language_code="nb")
    b = CourseMethodStepPage.objects.get(slug="hva-bor-vi-sporre-om", locale__language_code="nb")
    b.move(a, pos="left")
    html = client.get(BASE + "forberede/hva-bor-vi-sporre-om/").content.decode()
    assert links(html, "next") == BASE + "forberede/interessentkart/"
    assert links(html, "prev") == BASE + "kom-i-gang/samskapingsplakat/"


def test_module_page_lists_its_steps_and_starts_the_module(client):
    html = client.get(BASE + "utforske/").content.decode()
    assert 'href="/nb/startpakken/kurs/utforske/utforskende-samtale/"' in html
    assert 'aria-current="page"' in html
