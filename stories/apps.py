from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Case stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub import relations

        relations.register("method", _("Stories that used this method"), _method_stories)


def _method_stories(page, request=None):
    from .queries import for_method

    return for_method(page)
