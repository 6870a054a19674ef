"""What a method page needs besides its fields: cross-links, related methods, and the feedback POST."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infrastructure.antispam import rate_limited
from infrastructure.relations import related_sections
from infrastructure.security import public_form
from methods.feedback import submit_feedback
from methods.forms import FeedbackForm

FEEDBACK_LIMIT = 5  # answers per client …
FEEDBACK_WINDOW = 60 * 60  # … per hour


def method_context(method, request):
    return {
        "method": method,
        "related_sections": related_sections("method", method, request),
        "related_methods": method.localized_related_methods(),
    }


@public_form
@require_POST
def feedback_view(request, page_id):
    """The feedback form's own URL: the method page itself stays free of per-visitor tokens, so it is cached."""
    from methods.models import MethodPage

    page = get_object_or_404(MethodPage.objects.live().public(), pk=page_id)
    return handle_feedback_post(page, request)


def handle_feedback_post(page, request):
    """Validate and store feedback; re-render the method page with errors (nothing saved) when it fails."""
    thanks_url = page.get_url(request) + "?tilbakemelding=takk#tilbakemelding"
    if rate_limited(request, "method-feedback", FEEDBACK_LIMIT, FEEDBACK_WINDOW):
        form = FeedbackForm(request.POST)
        form.is_valid()
        form.add_error(None, _("You have sent a lot of feedback in a short time. Please try again later."))
        return _render(page, request, form, status=429)
    form = FeedbackForm(request.POST)
    if form.is_spam():
        return HttpResponseRedirect(thanks_url)  # tell a bot nothing; store nothing
    if not form.is_valid():
        return _render(page, request, form, status=400)
    submit_feedback(page, form.cleaned_data["rating"], form.cleaned_data["comment"], form.cleaned_data["role"])
    return HttpResponseRedirect(thanks_url)


def _render(page, request, form, status):
    context = page.get_context(request)
    context["feedback_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)
