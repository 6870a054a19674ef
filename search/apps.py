from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "hubsearch"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from .models import EquivalentForms, Synonym

        for model in (Synonym, EquivalentForms):
            post_save.connect(synonyms_changed, sender=model, dispatch_uid=f"hubsearch-{model.__name__}-saved")
            post_delete.connect(synonyms_changed, sender=model, dispatch_uid=f"hubsearch-{model.__name__}-deleted")
        post_migrate.connect(text_search_configurations, sender=self, dispatch_uid="hubsearch-pg-configs")

        from .public_index import connect_signals

        connect_signals()


def text_search_configurations(using="default", **kwargs):
    """After every migrate: add the hunspell dictionary to hub_nb/hub_nn if it has been installed since."""
    from django.db import connections

    from .pg_configs import ensure

    ensure(connections[using])


def synonyms_changed(**kwargs):
    from django.db import transaction

    from . import synonyms
    from .tasks import apply_synonyms

    synonyms.forget()
    transaction.on_commit(lambda: apply_synonyms.enqueue())
