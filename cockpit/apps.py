from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cockpit"
    verbose_name = _("Editors' cockpit")
