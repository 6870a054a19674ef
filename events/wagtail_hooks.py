from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events import admin_views, home_section, places, privacy
from infrastructure import cache_invalidation, extensions, relations

admin_urls = [
    path("", admin_views.index, name="index"),
    path("utboks/", admin_views.outbox, name="outbox"),
    path("<str:kind>/<int:pk>/", admin_views.detail, name="detail"),
    path("<str:kind>/<int:pk>/eksport.<str:fmt>", admin_views.export, name="export"),
    path("<str:kind>/<int:pk>/melding/", admin_views.message, name="message"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("pameldinger/", include((admin_urls, "events_admin"), namespace="events_admin"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return PermissionMenuItem(
        _("Registrations"),
        reverse("events_admin:index"),
        icon_name="group",
        order=300,
        permission="events.view_registration",
    )


@hooks.register("register_admin_menu_item")
def outbox_menu_item():
    return PermissionMenuItem(
        _("Unsent e-mails"),
        reverse("events_admin:outbox"),
        icon_name="mail",
        order=310,
        permission="hub.view_outboundemail",
    )


# The home page's section and figures from this app (hub/home_sections.py).
hooks.register("hub_home_section_events", home_section.next_events)
hooks.register("hub_home_figures", home_section.participants)
# An upcoming event moved in time may enter the home page's next events (infrastructure/cache_invalidation.py).
hooks.register(cache_invalidation.RENEW_HOOK, home_section.homes_for_new_dates)


@hooks.register(extensions.PRIVACY_EXPORT)
def _export_registrations(email):
    return ("registrations", privacy.export_person(email))


@hooks.register(extensions.PRIVACY_DELETE)
def _delete_registrations(email):
    return ("registrations", privacy.delete_person(email))


@hooks.register(extensions.PRIVACY_PURGE)
def _purge_registrations(cutoff):
    return ("registrations", privacy.purge_before(cutoff))


@hooks.register(relations.hook("method"))
def _events_for_method():
    from events.listing import upcoming_for_method

    return _("Upcoming events that teach this method"), upcoming_for_method


@hooks.register(relations.hook("place"))
def _events_for_place():
    return _("Events"), places.for_place


@hooks.register(relations.hook("place_counts"))
def _event_counts_for_places():
    return _("Events"), places.counts
