from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from cockpit import admin_views, links, privacy
from cockpit.components import GoalsPanel
from infrastructure import extensions


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("cockpit/", admin_views.GoalsView.as_view(), name="cockpit_goals"),
        path("cockpit/maal.csv", admin_views.goals_csv, name="cockpit_goals_csv"),
        path("cockpit/sprak/", admin_views.ParityView.as_view(), name="cockpit_parity"),
        path("cockpit/oversettelser/", admin_views.TranslationsView.as_view(), name="cockpit_translations"),
        path("cockpit/innholdshelse/", admin_views.HealthView.as_view(), name="cockpit_health"),
        path("cockpit/utfordringer/", admin_views.ChallengesView.as_view(), name="cockpit_challenges"),
        path("cockpit/samtaler/", admin_views.ProgressView.as_view(), name="cockpit_progress"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission=admin_views.VIEW_COCKPIT, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def _items():
    return [
        PermissionMenuItem(_("Project goals"), reverse_lazy("cockpit_goals"), icon_name="crosshairs", order=10),
        PermissionMenuItem(_("Language parity"), reverse_lazy("cockpit_parity"), icon_name="globe", order=20),
        PermissionMenuItem(_("Translations"), reverse_lazy("cockpit_translations"), icon_name="resubmit", order=30),
        PermissionMenuItem(_("Content health"), reverse_lazy("cockpit_health"), icon_name="warning", order=40),
        PermissionMenuItem(_("Challenges found"), reverse_lazy("cockpit_challenges"), icon_name="comment", order=50),
        PermissionMenuItem(
            _("Conversation progress"),
            reverse_lazy("cockpit_progress"),
            icon_name="group",
            order=60,
            permission=admin_views.VIEW_PROGRESS,
        ),
    ]


cockpit_menu = Menu(items=_items())


class CockpitMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_COCKPIT) or request.user.has_perm(admin_views.VIEW_PROGRESS)


@hooks.register("register_admin_menu_item")
def register_cockpit_menu():
    return CockpitMenuItem(_("Cockpit"), cockpit_menu, icon_name="crosshairs", name="cockpit", order=250)


@hooks.register("construct_homepage_panels")
def add_goals_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW_COCKPIT):
        panels.append(GoalsPanel())


# Conversation log entries follow the registrations' privacy rules; deleted before the events app anonymises the
# registration (the entries are found through the registration's e-mail address).
@hooks.register(extensions.PRIVACY_DELETE, order=-1)
def _delete_conversations(email):
    return ("conversations", privacy.delete_for_email(email))


@hooks.register(extensions.PRIVACY_EXPORT)
def _export_conversations(email):
    return ("conversations", privacy.export_for_email(email))


@hooks.register(extensions.PRIVACY_PURGE)
def _purge_conversations(cutoff):
    return ("conversations", privacy.purge_before(cutoff))


hooks.register(extensions.REGISTRATION_EMAIL_LINES, links.registration_email_lines)
