from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfrastructureConfig(AppConfig):
    name = "infrastructure"
    verbose_name = _("Infrastructure")

    def ready(self):
        from infrastructure import (  # noqa: F401 - checks: `check --deploy` rules
            cache,
            cache_invalidation,
            checks,
            embargo,
            uploads,
        )

        cache.connect_signals()  # what every page shows (settings, snippets, sites) renews every page
        cache_invalidation.connect_signals()  # a publish renews only the pages that show the changed page
        embargo.connect_signals()  # files of content not live yet withheld, in the saving transaction
        uploads.connect_signals()  # stored names from the detected type, with a random part
