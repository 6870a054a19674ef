"""The seed's sub-goals measured from the data, one function per figure, each a few aggregate queries.

Other apps' models are looked up lazily by name; a figure whose model or field is missing has the value None
(shown as "—") instead of breaking the cockpit. Pages are counted once per translation key (a method written in
Bokmål and translated into Nynorsk and English is one method).
"""

import logging

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, FieldError
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cockpit.models import ORG_TYPES, ConversationLog, GoalTargets

logger = logging.getLogger(__name__)
MISSING = (LookupError, FieldDoesNotExist, FieldError, AttributeError)


def _model(label):
    return apps.get_model(label)


def _distinct_pages(qs):
    return qs.values("translation_key").distinct().count()


def _figure(key, goal, label, value=None, target=None, breakdown=None, note="", unit=""):
    percent = None
    if value is not None and target:
        percent = min(100, round(100 * float(value) / float(target)))
    return {
        "key": key,
        "goal": goal,
        "label": label,
        "value": value,
        "target": target,
        "unit": unit,
        "percent": percent,
        "breakdown": breakdown or [],
        "note": note,
    }


def course_series(targets):
    Registration = _model("events.Registration")
    EventPage = _model("events.EventPage")
    default = Locale.get_default()
    sessions = dict(
        EventPage.objects.live()
        .filter(locale=default, series__isnull=False)
        .order_by()
        .values_list("series")
        .annotate(n=Count("pk"))  # order_by(): pages sort by path, not in GROUP BY
    )
    registrations = Registration.objects.filter(series__isnull=False, status="confirmed")
    attended = list(registrations.values_list("series", "pk").annotate(n=Count("attendances__event", distinct=True)))
    registered = len(attended)
    any_session = sum(1 for _s, _pk, n in attended if n)
    completed = sum(1 for series, _pk, n in attended if sessions.get(series) and n >= sessions[series])
    return _figure(
        "course_series",
        "1.2",
        _("Library staff who completed the course series"),
        completed,
        targets.course_completions,
        breakdown=[
            (_("Registered"), registered),
            (_("Attended at least one session"), any_session),
            (_("Completed every session"), completed),
        ],
    )


def conversations(targets):
    Registration = _model("events.Registration")
    participants = list(
        Registration.objects.filter(series__isnull=False, status="confirmed").values_list("reference", flat=True)
    )
    counts = dict(
        ConversationLog.objects.filter(registration_ref__in=participants)
        .values_list("registration_ref")
        .annotate(n=Count("pk"))
    )
    n = len(participants)
    total = sum(counts.values())
    reached = sum(1 for c in counts.values() if c >= targets.conversations_per_participant)
    average = round(total / n, 1) if n else None
    return _figure(
        "conversations",
        "1.3",
        _("Conversations per participant"),
        average,
        targets.conversations_per_participant,
        breakdown=[
            (_("Participants"), n),
            (_("Conversations recorded"), total),
            (_("Participants who reached the target"), reached),
        ],
        note=_("Anonymised entries (after the retention purge) count in the editors' totals only."),
    )


def volunteer_gatherings(targets):
    EventPage = _model("events.EventPage")
    held = _distinct_pages(EventPage.objects.live().filter(audience="volunteers", end__lt=timezone.now()))
    return _figure(
        "volunteer_gatherings",
        "1.4",
        _("Gatherings held for volunteer organisations"),
        held,
        targets.volunteer_gatherings,
    )


def stories_by_county():
    CaseStoryPage = _model("stories.CaseStoryPage")
    stories = CaseStoryPage.objects.live()
    rows = (
        stories.values("county__name")
        .annotate(n=Count("translation_key", distinct=True))
        .order_by("-n", "county__name")
    )
    return _figure(
        "stories_county",
        "1",
        _("Stories per county"),
        _distinct_pages(stories),
        breakdown=[(r["county__name"] or "—", r["n"]) for r in rows],
    )


def stories_by_org_type():
    CaseStoryPage = _model("stories.CaseStoryPage")
    labels = dict(ORG_TYPES)
    rows = (
        CaseStoryPage.objects.live()
        .filter(organisations__isnull=False)
        .values("organisations__org_type")
        .annotate(n=Count("translation_key", distinct=True))
        .order_by("-n")
    )
    return _figure(
        "stories_org_type",
        "1",
        _("Stories per type of volunteer organisation"),
        _distinct_pages(CaseStoryPage.objects.live()),
        breakdown=[(labels.get(r["organisations__org_type"], r["organisations__org_type"]), r["n"]) for r in rows],
    )


def coverage(targets):
    CoverageItem = _model("press.CoverageItem")
    total = CoverageItem.objects.count()
    by_year = CoverageItem.objects.values_list("date__year").annotate(n=Count("pk")).order_by("date__year")
    return _figure(
        "coverage",
        "1.5",
        _("Coverage items"),
        total,
        targets.coverage_items,
        breakdown=[(str(y), n) for y, n in by_year],
    )


def _feedback_fields(Feedback):
    """The feedback model's link to the method and its rating field, found by name/type (owned by methods)."""
    link = next(
        (
            f.name
            for f in Feedback._meta.concrete_fields
            if f.is_relation and f.related_model and issubclass(f.related_model, Page)
        ),
        None,
    )
    names = {f.name for f in Feedback._meta.concrete_fields}
    rating = next((n for n in ("rating", "score", "stars", "usefulness", "helpful_score") if n in names), None)
    if link is None:
        raise FieldError("MethodFeedback has no link to a page")
    return link, rating


def feedback(targets):
    Feedback = _model("methods.MethodFeedback")
    link, rating = _feedback_fields(Feedback)
    qs = Feedback.objects.all()
    if "is_spam" in {f.name for f in Feedback._meta.concrete_fields}:
        qs = qs.filter(is_spam=False)
    rows = (
        qs.values(f"{link}__title")
        .annotate(n=Count("pk"), **({"avg": Avg(rating)} if rating else {}))
        .order_by("-n", f"{link}__title")
    )
    breakdown = []
    for r in rows:
        label = r[f"{link}__title"] or "—"
        if rating and r.get("avg") is not None:
            label = _("%(title)s (average %(avg).1f)") % {"title": label, "avg": r["avg"]}
        breakdown.append((label, r["n"]))
    return _figure(
        "feedback", "2.1", _("Feedback on the methods"), qs.count(), targets.feedback_items, breakdown=breakdown
    )


def methods(targets):
    MethodPage = _model("methods.MethodPage")
    live = MethodPage.objects.live()
    original = _distinct_pages(live.filter(is_new=False))
    new = _distinct_pages(live.filter(is_new=True))
    digital = _distinct_pages(live.filter(digital_suitable=True))
    return [
        _figure("methods_original", "2.3", _("Original methods published"), original, targets.original_methods),
        _figure("methods_new", "2.3", _("New methods published"), new, targets.new_methods),
        _figure(
            "methods_digital", "2.4", _("Methods adapted for digital co-creation"), digital, targets.digital_methods
        ),
    ]


def expert_reviews(targets):
    from wagtail.models import TaskState

    from hub.roles import EXPERT_TASK_NAME

    approved = (
        TaskState.objects.filter(task__name=EXPERT_TASK_NAME, status=TaskState.STATUS_APPROVED)
        .values_list("workflow_state__object_id", flat=True)
        .distinct()
    )
    ids = [int(i) for i in approved if str(i).isdigit()]
    reviewed = Page.objects.filter(pk__in=ids).values("translation_key").distinct().count()
    return _figure("expert_reviews", "2.5", _("Methods reviewed by the expert group"), reviewed, targets.expert_reviews)


def intro_courses(targets):
    EventPage = _model("events.EventPage")
    held = _distinct_pages(EventPage.objects.live().filter(kind="intro_course", end__lt=timezone.now()))
    return _figure("intro_courses", "1.1", _("Introduction courses in co-creation held"), held, targets.intro_courses)


def launches(targets):
    EventPage = _model("events.EventPage")
    held = _distinct_pages(EventPage.objects.live().filter(kind="launch", end__lt=timezone.now()))
    return _figure("launches", "2.6", _("Digital launches held"), held, targets.launches)


def _safe(func, *args, key, goal, label):
    try:
        result = func(*args)
    except MISSING as exc:
        logger.info("cockpit figure %s unavailable: %s", key, exc)
        return [_figure(key, goal, label, note=_("Not available: the data for this figure is not stored yet."))]
    return result if isinstance(result, list) else [result]


def all_figures(targets=None):
    targets = targets or GoalTargets.load()
    specs = [
        (intro_courses, (targets,), "intro_courses", "1.1", _("Introduction courses in co-creation held")),
        (course_series, (targets,), "course_series", "1.2", _("Library staff who completed the course series")),
        (conversations, (targets,), "conversations", "1.3", _("Conversations per participant")),
        (
            volunteer_gatherings,
            (targets,),
            "volunteer_gatherings",
            "1.4",
            _("Gatherings held for volunteer organisations"),
        ),
        (coverage, (targets,), "coverage", "1.5", _("Coverage items")),
        (stories_by_county, (), "stories_county", "1", _("Stories per county")),
        (stories_by_org_type, (), "stories_org_type", "1", _("Stories per type of volunteer organisation")),
        (feedback, (targets,), "feedback", "2.1", _("Feedback on the methods")),
        (methods, (targets,), "methods_original", "2.3", _("Methods published")),
        (expert_reviews, (targets,), "expert_reviews", "2.5", _("Methods reviewed by the expert group")),
        (launches, (targets,), "launches", "2.6", _("Digital launches held")),
    ]
    figures = []
    for func, args, key, goal, label in specs:
        figures.extend(_safe(func, *args, key=key, goal=goal, label=label))
    return figures


def summary_figures(targets=None):
    """The dashboard panel's short list: the figures that have a target."""
    return [f for f in all_figures(targets) if f["target"]]
