"""The participant's conversation log: list, add and amend their own entries through the signed link."""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_protect

from cockpit.conversations import entries_for, save_entry
from cockpit.forms import ConversationForm
from cockpit.links import InvalidLink, registration_for_token
from cockpit.models import ConversationLog, GoalTargets
from infrastructure.antispam import ratelimit


def _never_cache(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak to other sites
    return response


def _invalid(request, reason):
    return _never_cache(
        render(
            request,
            "cockpit/conversation_link_invalid.html",
            {"reason": reason},
            status=404 if reason == "unknown" else 400,
        )
    )


@csrf_protect
@ratelimit("cockpit-conversations", 30, 600, methods=("POST",))
def conversation_log(request, token, entry_id=None):
    try:
        registration = registration_for_token(token)
    except InvalidLink as exc:
        return _invalid(request, exc.reason)
    entry = None
    if entry_id is not None:
        entry = get_object_or_404(ConversationLog, pk=entry_id, registration_ref=registration.reference)
    base_url = reverse("cockpit:conversation_log", kwargs={"token": token})
    if request.method == "POST":
        form = ConversationForm(request.POST)
        if form.is_valid():
            if not form.is_spam():
                saved = save_entry(registration, form.cleaned_data, entry=entry)
                return redirect(f"{base_url}?lagret={saved.pk}#samtaler")
            return redirect(base_url)
    else:
        form = ConversationForm(initial=ConversationForm.initial_from(entry) if entry else None)
    entries = list(entries_for(registration).select_related("municipality"))
    saved_id = request.GET.get("lagret", "")
    context = {
        "registration": registration,
        "entries": entries,
        "form": form,
        "entry": entry,
        "base_url": base_url,
        "token": token,
        "saved": saved_id.isdigit() and any(e.pk == int(saved_id) for e in entries),
        "target": GoalTargets.load().conversations_per_participant,
    }
    return _never_cache(render(request, "cockpit/conversation_log.html", context))
