from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "hubsearch"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Synonym

        post_save.connect(synonyms_changed, sender=Synonym, dispatch_uid="hubsearch-synonym-saved")
        post_delete.connect(synonyms_changed, sender=Synonym, dispatch_uid="hubsearch-synonym-deleted")


def synonyms_changed(**kwargs):
    from django.db import transaction

    from . import synonyms
    from .tasks import apply_synonyms

    synonyms.forget()
    transaction.on_commit(lambda: apply_synonyms.enqueue())
