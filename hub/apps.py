from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Hub")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub import (  # noqa: F401 - checks: `check --deploy` rules
            cache,
            cache_invalidation,
            checks,
            locales,
            routing,
            view_restrictions,
        )

        cache.connect_signals()  # what every page shows (settings, snippets, sites) renews every page
        cache_invalidation.connect_signals()  # a publish renews only the pages that show the changed page
        locales.install()  # one Locale lookup per language per request (hub/locales.py)
        routing.install()  # the site's root page in its own class without a query (hub/routing.py)
        view_restrictions.install()  # restrictions read once per page view (hub/view_restrictions.py)

        from django.db.models.signals import post_save

        from hub.roles import grant_for_new_page

        post_save.connect(grant_for_new_page, dispatch_uid="hub-roles-new-page")

        from hub import embargo, uploads

        embargo.connect_signals()  # files of content not live yet withheld, in the saving transaction
        uploads.connect_signals()  # stored names from the detected type, with a random part
