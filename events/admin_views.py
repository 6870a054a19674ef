"""The organisers' admin: counts per event or series, the registration list, attendance, exports, a message
to confirmed participants, and the outbox of failed e-mails. Every view checks a model permission that only
the "Arrangementsansvarlig" group (and superusers) hold."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from events import emails, exports, registration
from events.models import Attendance, EventPage, EventSeries, Registration
from hub.models import OutboundEmail
from infrastructure.mail import retry_failed

VIEW, CHANGE = "events.view_registration", "events.change_registration"


def _require(request, *perms):
    if not all(request.user.has_perm(p) for p in perms):
        raise PermissionDenied


def _counts():
    counts = {}
    for row in Registration.objects.values("event_id", "series_id", "status").annotate(n=Count("pk")):
        key = ("series", row["series_id"]) if row["series_id"] else ("event", row["event_id"])
        counts.setdefault(key, {"confirmed": 0, "waiting": 0, "cancelled": 0})[row["status"]] = row["n"]
    return counts


def index(request):
    _require(request, VIEW)
    counts = _counts()
    empty = {"confirmed": 0, "waiting": 0, "cancelled": 0}
    targets = []
    for series in EventSeries.objects.all():
        targets.append(
            {
                "kind": "series",
                "obj": series,
                "title": series.title,
                "start": None,
                **counts.get(("series", series.pk), empty),
            }
        )
    events = EventPage.objects.filter(locale=Locale.get_default(), series__isnull=True).order_by("-start")
    for event in events:
        targets.append(
            {
                "kind": "event",
                "obj": event,
                "title": event.title,
                "start": event.start,
                **counts.get(("event", event.pk), empty),
            }
        )
    return TemplateResponse(request, "events/admin/index.html", {"targets": targets, "title": _("Registrations")})


def _target(kind, pk):
    if kind == "series":
        series = get_object_or_404(EventSeries, pk=pk)
        return series, {"series": series}, list(series.sessions())
    if kind == "event":
        event = get_object_or_404(EventPage, pk=pk, locale=Locale.get_default())
        return event, {"event": event}, [event]
    raise Http404


def _registrations(scope):
    return (
        Registration.objects.filter(**scope)
        .select_related("municipality")
        .prefetch_related("attendances")
        .order_by("status", "created_at", "pk")
    )


def detail(request, kind, pk):
    _require(request, VIEW)
    target, scope, sessions = _target(kind, pk)
    if request.method == "POST" and request.POST.get("action") in ("cancel", "delete"):
        return _remove_selected(request, kind, pk, scope)
    if request.method == "POST":
        _require(request, CHANGE, "events.add_attendance", "events.delete_attendance")
        session = next((s for s in sessions if str(s.pk) == request.POST.get("session")), None)
        if session is None:
            raise Http404
        present = {int(x) for x in request.POST.getlist("attended") if x.isdigit()}
        with transaction.atomic():
            regs = list(
                Registration.objects.filter(**scope, status=Registration.Status.CONFIRMED).values_list("pk", flat=True)
            )
            Attendance.objects.filter(event=session, registration_id__in=regs).exclude(
                registration_id__in=present
            ).delete()
            for reg_id in present & set(regs):
                Attendance.objects.get_or_create(event=session, registration_id=reg_id)
        messages.success(request, _("Attendance saved for %(title)s.") % {"title": session.title})
        return redirect("events_admin:detail", kind=kind, pk=pk)
    registrations = list(_registrations(scope))
    for r in registrations:
        r.attended_ids = {a.event_id for a in r.attendances.all()}
    counts = {s: sum(1 for r in registrations if r.status == s) for s in ("confirmed", "waiting", "cancelled")}
    context = {
        "target": target,
        "kind": kind,
        "sessions": sessions,
        "registrations": registrations,
        "counts": counts,
        "title": str(target),
        "can_change": request.user.has_perm(CHANGE),
        "can_delete": request.user.has_perm("events.delete_registration"),
    }
    return TemplateResponse(request, "events/admin/detail.html", context)


def _remove_selected(request, kind, pk, scope):
    """Cancel (participants are e-mailed) or delete (fake sign-ups, nobody e-mailed) the ticked registrations in
    one action; the freed seats go to the waiting list."""
    delete = request.POST["action"] == "delete"
    _require(request, VIEW, "events.delete_registration" if delete else CHANGE)
    ids = [int(x) for x in request.POST.getlist("registration") if x.isdigit()]
    chosen = Registration.objects.filter(**scope, pk__in=ids)
    n = registration.remove(chosen, delete=delete)
    if delete:
        messages.success(request, _("%(n)s registrations deleted.") % {"n": n})
    else:
        messages.success(request, _("%(n)s registrations cancelled.") % {"n": n})
    return redirect("events_admin:detail", kind=kind, pk=pk)


def export(request, kind, pk, fmt):
    _require(request, VIEW)
    target, scope, sessions = _target(kind, pk)
    registrations = _registrations(scope).exclude(email="")
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(registrations, sessions), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(registrations, sessions),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="pameldinger-{kind}-{pk}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 10}))


def message(request, kind, pk):
    _require(request, VIEW, CHANGE)
    target, scope, sessions = _target(kind, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = Registration.objects.filter(**scope, status=Registration.Status.CONFIRMED).exclude(email="")
        reply_to = [request.user.email] if request.user.email else []
        with transaction.atomic():
            n = emails.message_participants(
                confirmed, form.cleaned_data["subject"], form.cleaned_data["body"], reply_to
            )
        messages.success(request, _("The message is queued for %(n)s confirmed participants.") % {"n": n})
        return redirect("events_admin:detail", kind=kind, pk=pk)
    return TemplateResponse(
        request,
        "events/admin/message.html",
        {"form": form, "target": target, "kind": kind, "title": _("Message to participants")},
    )


def outbox(request):
    _require(request, "hub.view_outboundemail")
    if request.method == "POST":
        _require(request, "hub.change_outboundemail")
        n = retry_failed()
        messages.success(request, _("%(n)s e-mails queued for a new attempt.") % {"n": n})
        return redirect("events_admin:outbox")
    failed = OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).order_by("-created_at")[:200]
    return TemplateResponse(request, "events/admin/outbox.html", {"emails": failed, "title": _("Unsent e-mails")})
