"""The home page's course section and the methods figure (registered in methods/wagtail_hooks.py): the starter
pack as a course — its modules, how many steps, and a link straight to the first step — in the home page's
language."""

from hub.home_sections import count_of, in_site, pinned_first, public
from methods.models import CoursePage, MethodPage
from methods.navigation import CourseNavigation


def _course(home, chosen):
    """The chosen course in the home page's language, else the first course of that language (one query)."""
    courses = public(CoursePage.objects.live()).descendant_of(home).filter(locale_id=home.locale_id)
    found = pinned_first(courses.order_by("path"), [chosen], 1)
    return found[0] if found else None


def starter_course(request, home, value):
    course = _course(home, value.get("course"))
    if course is None:
        return {"course": None}
    nav = CourseNavigation(course, request)
    modules = [module for module in nav.modules if module["steps"]]
    steps = [step for module in modules for step in module["steps"]]
    return {
        "course": course,
        "course_url": course.get_url(request),
        "modules": modules,
        "step_count": len(steps),
        "first_step": steps[0] if steps else None,
    }


def figures(home):
    methods = public(in_site(MethodPage.objects.live(), home))
    return {"methods": count_of(methods, "translation_key", distinct=True)}
