"""Public views outside the page tree: registration form, the page after registering, cancellation, iCal."""

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from events import emails
from events.forms import RegistrationForm
from events.ical import calendar_bytes
from events.listing import attach_registration
from events.models import EventPage, Registration
from events.registration import RegistrationUnavailable, cancel, register
from events.tokens import read_cancel_token
from infrastructure.antispam import peek_count, rate_limited, rate_limited_key, ratelimit
from infrastructure.security import public_form

# Cancelling needs one POST; more than this per client and hour is someone trying links.
CANCEL_RATE_LIMIT = getattr(settings, "EVENTS_CANCEL_RATE_LIMIT", 10)
HOUR = 3600


def registration_rate_limit():
    """Registrations per client address and hour. A whole office or school behind one address (NAT) signs up
    together, so this is a burst limit far above what people do; abuse is caught by what identifies it (the
    honeypot, one registration per e-mail and event)."""
    return getattr(settings, "EVENTS_REGISTRATION_RATE_LIMIT", 200)


def spam_limit():
    """Honeypot failures per client address and hour before the address is refused for the rest of the hour."""
    return getattr(settings, "EVENTS_SPAM_LIMIT", 5)


def _event(page_id):
    return get_object_or_404(EventPage.objects.live().public().select_related("series", "locale"), pk=page_id)


def _privacy_page():
    from wagtail.models import Page

    nb = Page.objects.live().filter(slug="personvern", locale__language_code="nb").first()
    return nb.localized if nb else None


@public_form
@require_http_methods(["GET", "POST"])
def register_view(request, page_id):
    page = _event(page_id)
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if spam_flagged(request):
            return _refused(request, page)
        if form.is_spam():
            rate_limited(request, "events-register-spam", spam_limit(), HOUR)  # counts this failure
            form.add_error(
                None,
                _(
                    "Your registration was not sent because a hidden field was filled in, perhaps by automatic "
                    "form filling. Please check your details and send the form again."
                ),
            )
            status = 400
        elif rate_limited(request, "events-register", registration_rate_limit(), HOUR):
            return _refused(request, page)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                result = register(
                    page,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    role=data["role"],
                    municipality=data["municipality"],
                    needs=data["needs"],
                    language=get_language() or "nb",
                )
            except RegistrationUnavailable:
                form.add_error(None, _("Registration for this event is not open."))
                status = 409
            else:
                return _registered(request, page, result)
        else:
            status = 400
    attach_registration([page])  # the seats left, for the form page only (a successful post redirects)
    return TemplateResponse(
        request,
        "events/registration_form.html",
        {"page": page, "event": page, "form": form, "registration": page.registration, "privacy_page": _privacy_page()},
        status=status,
    )


def spam_flagged(request):
    """True when this address failed the honeypot more often than people ever do within the hour."""
    return peek_count(request, "events-register-spam", HOUR) >= spam_limit()


def _refused(request, page):
    """The page for a refused registration post: what happened, when to try again, and whom to ask."""
    response = TemplateResponse(
        request, "events/registration_refused.html", {"page": page, "event": page, "retry_minutes": 60}, status=429
    )
    response["Retry-After"] = str(HOUR)
    add_never_cache_headers(response)
    return response


def _registered(request, page, result):
    """After a valid registration, new or for an address already registered: the same answer either way, so
    nobody learns from the page who has signed up. The person's status (a seat or the waiting list) and the
    cancel link go to the address itself: a new registration's confirmation is queued by `register`, an
    existing one gets its details again. Both count against the same per-registration limit on such e-mails,
    so a stranger cannot flood someone's inbox by registering their address over and over."""
    limit = getattr(settings, "EVENTS_RESEND_LIMIT", 3)
    limited = rate_limited_key(f"events-resend:{result.registration.pk}", limit, HOUR)
    if not result.created and not limited:
        emails.enqueue("resent", result.registration.pk)
    return redirect("events:sent", page_id=page.pk)


@require_GET
def sent_view(request, page_id):
    """The one page after registering: look in your e-mail for your status and the cancel link."""
    page = _event(page_id)
    return TemplateResponse(request, "events/registration_sent.html", {"page": page, "event": page})


@require_http_methods(["GET", "POST"])
@ratelimit("events-cancel", CANCEL_RATE_LIMIT, 3600, methods=("POST",))
def cancel_view(request, token):
    try:
        reference = read_cancel_token(token)
    except signing.SignatureExpired:
        return TemplateResponse(request, "events/cancel.html", {"outcome": "expired"}, status=410)
    except signing.BadSignature:
        return TemplateResponse(request, "events/cancel.html", {"outcome": "invalid"}, status=400)
    registration = Registration.objects.select_related("event", "series").filter(reference=reference).first()
    if registration is None or registration.anonymised_at:
        return TemplateResponse(request, "events/cancel.html", {"outcome": "invalid"}, status=404)
    events = [e.localized for e in registration.events()]
    context = {"registration": registration, "events": events}
    if registration.status == Registration.Status.CANCELLED:
        return TemplateResponse(request, "events/cancel.html", {**context, "outcome": "already"}, status=410)
    if request.method == "POST":
        result = cancel(registration)
        outcome = "already" if result.already_cancelled else "done"
        return TemplateResponse(request, "events/cancel.html", {**context, "outcome": outcome})
    return TemplateResponse(request, "events/cancel.html", {**context, "outcome": "confirm"})


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, page_id):
    page = _event(page_id)
    return _ics_response(calendar_bytes([(page, page.get_full_url(request))], name=page.title), f"{page.slug}.ics")


@require_GET
def ical_feed(request):
    locale = Locale.get_active()
    pages = EventPage.objects.live().public().filter(locale=locale, end__gte=timezone.now()).order_by("start")
    items = [(p, p.get_full_url(request)) for p in pages]
    return _ics_response(calendar_bytes(items, name=_("Events – Co-creation hub")), "arrangementer.ics")
