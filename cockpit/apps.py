from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cockpit"
    verbose_name = _("Editors' cockpit")

    def ready(self):
        from cockpit import links, privacy
        from hub import extensions

        # Conversation log entries follow the registrations' privacy rules; delete before the events app
        # anonymises the registration (the entries are found through the registration's e-mail address).
        extensions.register(
            "privacy.delete", lambda email: ("conversations", privacy.delete_for_email(email)), first=True
        )
        extensions.register("privacy.export", lambda email: ("conversations", privacy.export_for_email(email)))
        extensions.register("privacy.purge", lambda cutoff: ("conversations", privacy.purge_before(cutoff)))
        extensions.register("registration.email_lines", links.registration_email_lines)
