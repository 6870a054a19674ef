"""Where am I in the course? The outline (modules and their steps) in tree order, read in one query, and
the previous and next steps around the current page."""

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from wagtail.models import Page


class CourseNavigation:
    def __init__(self, course, request, current=None):
        self.course = course
        self.request = request
        self.current = current

    @classmethod
    def for_page(cls, page, request):
        from methods.models import CoursePage

        routed = getattr(page, "_hub_route_ancestors", None)  # the pages above it, when it was routed to
        if routed is not None:
            course_type = ContentType.objects.get_for_model(CoursePage).pk
            course = next((p for p in routed if p.content_type_id == course_type and p.live), None)
        else:
            course = CoursePage.objects.ancestor_of(page).live().first()
        return cls(course, request, current=page) if course else None

    @cached_property
    def modules(self):
        """[{page, url, current, steps: [{page, url, number, kind, current}]}] in the editors' order."""
        from methods.models import CourseModulePage

        module_type = ContentType.objects.get_for_model(CourseModulePage).pk
        rows = (
            Page.objects.live()
            .descendant_of(self.course)
            .filter(depth__lte=self.course.depth + 2)
            .order_by("path")
            .only("id", "title", "slug", "url_path", "path", "depth", "content_type_id", "translation_key", "locale_id")
        )
        modules, number = [], 0
        current_id = self.current.pk if self.current else None
        for page in rows:
            if page.depth == self.course.depth + 1:
                if page.content_type_id != module_type:
                    continue
                modules.append(
                    {"page": page, "url": page.get_url(self.request), "current": page.pk == current_id, "steps": []}
                )
            elif modules and page.path.startswith(modules[-1]["page"].path):
                number += 1
                modules[-1]["steps"].append(
                    {
                        "page": page,
                        "url": page.get_url(self.request),
                        "number": number,
                        "current": page.pk == current_id,
                        "key": str(page.translation_key),
                    }
                )
        for module in modules:
            module["contains_current"] = module["current"] or any(s["current"] for s in module["steps"])
        return modules

    @cached_property
    def steps(self):
        return [step for module in self.modules for step in module["steps"]]

    @cached_property
    def position(self):
        """Index of the current step in the flat list, or None on the course or a module page."""
        for i, step in enumerate(self.steps):
            if step["current"]:
                return i
        return None

    @property
    def current_step(self):
        return self.steps[self.position] if self.position is not None else None

    @property
    def previous(self):
        if self.position is None or self.position == 0:
            return None
        return self.steps[self.position - 1]

    @property
    def next(self):
        if self.position is None:
            return None
        if self.position + 1 < len(self.steps):
            return self.steps[self.position + 1]
        return None

    @property
    def first(self):
        return self.steps[0] if self.steps else None

    @property
    def current_module(self):
        for module in self.modules:
            if module["contains_current"]:
                return module
        return None

    @property
    def storage_key(self):
        """The localStorage key the progress script uses; the same in every language of the course."""
        return f"hub-course-{self.course.translation_key}"

    @property
    def total(self):
        return len(self.steps)


def pages_showing_outline(change):
    """Every page of a course shows its outline (module and step titles, the previous and next step), and the
    home page's course section its modules and number of steps: a publish of any part renews them all (through
    infrastructure.cache_invalidation's hook; courses change seldom)."""
    from hub.models import HomePage
    from methods.models import CourseLessonPage, CourseMethodStepPage, CourseModulePage, CoursePage

    page = change.page
    if not isinstance(page, CoursePage | CourseModulePage | CourseLessonPage | CourseMethodStepPage):
        return []
    course = CoursePage.objects.ancestor_of(page, inclusive=True).first()
    outline = list(Page.objects.descendant_of(course, inclusive=True)) if course else []
    return outline + list(HomePage.objects.live())
