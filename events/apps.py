from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events.listing import upcoming_for_method
        from hub import relations

        relations.register("method", _("Upcoming events that teach this method"), upcoming_for_method)

        from events import places

        relations.register("place", _("Events"), places.for_place)
        relations.register("place_counts", _("Events"), places.counts)

        from events.registration import connect_signals

        connect_signals()
