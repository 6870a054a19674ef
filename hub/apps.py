from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Hub")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub import cache

        cache.connect_signals()  # page cache generation; before Wagtail's front-end cache handlers
        cache.connect_frontend_signals()
