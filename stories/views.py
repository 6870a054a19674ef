"""Public views of the stories app that are not pages: the submission form, the embeddable list and the CSV."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from infrastructure.antispam import rate_limited
from infrastructure.security import embeddable, public_form

from . import facets
from .export import csv_response
from .forms import ShareStoryForm
from .listing import filtered, index_for_locale, listing_context, published
from .submission import submit_story


def _rate():
    return getattr(settings, "STORIES_SUBMIT_RATE", (10, 3600))


@never_cache
@public_form
def submit(request):
    index = index_for_locale()
    if index is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = ShareStoryForm(request.POST, request.FILES)
        limit, window = _rate()
        if form.is_spam():
            return redirect("stories:submit_thanks")
        if rate_limited(request, "stories-submit", limit, window):
            form.is_valid()
            form.add_error(None, _("Too many submissions from your network. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            submit_story(form.cleaned_data, locale=Locale.get_active())
            return redirect("stories:submit_thanks")
        else:
            status = 400
    else:
        form = ShareStoryForm()
    return render(request, "stories/submit.html", {"form": form, "index": index}, status=status)


@require_GET
def submit_thanks(request):
    return render(request, "stories/submit_thanks.html", {"index": index_for_locale()})


@require_GET
@embeddable
def embed(request):
    """A compact list meant for an iframe on a municipality's own site; same filters as the index page."""
    index = index_for_locale()
    if index is None:
        raise Http404
    context = listing_context(request, index, per_page=getattr(settings, "STORIES_EMBED_PER_PAGE", 10))
    context["index"] = index
    return render(request, "stories/embed.html", context)


@require_GET
def export_csv(request):
    _chosen, qs = filtered(request.GET, published())
    return csv_response(facets.for_list(qs)[:5000], request)
