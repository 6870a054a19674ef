from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub.api import api_router
from hub.sitemaps import HubSitemap
from hub.views import robots_txt
from infrastructure.extensions import SITEMAPS, call
from infrastructure.health import healthz, readiness
from infrastructure.media_serving import serve_media

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # Apps add sitemaps of their own views through the SITEMAPS hook: () -> (name, Sitemap class).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": HubSitemap, **dict(call(SITEMAPS))}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("healthz/ready", readiness, name="healthz_ready"),
    path("i18n/", include("django.conf.urls.i18n")),
]

# App URLs that are not pages (forms, feeds, exports) register themselves here, language-prefixed.
app_patterns = []
for app in ("methods", "stories", "events", "press", "search", "cockpit"):
    try:
        module = __import__(f"{app}.urls", fromlist=["urlpatterns"])
    except ModuleNotFoundError as exc:
        if exc.name != f"{app}.urls":
            raise
        continue
    app_patterns.append(path("", include(module)))

urlpatterns += i18n_patterns(*app_patterns, path("", include(wagtail_urls)), prefix_default_language=True)

if settings.HUB_MEDIA_SERVED_BY_APP:
    # Local media pass the embargo check (infrastructure.media_serving); nginx then sends the bytes (X-Accel-Redirect).
    urlpatterns.insert(0, re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="media"))
