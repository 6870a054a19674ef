from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Hub")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from hub.roles import grant_for_new_page

        post_save.connect(grant_for_new_page, dispatch_uid="hub-roles-new-page")
