from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("arrangement/kalender.ics", views.ical_feed, name="feed"),
    path("arrangement/<int:page_id>.ics", views.event_ics, name="ics"),
    path("arrangement/<int:page_id>/pamelding/", views.register_view, name="register"),
    path("arrangement/<int:page_id>/pamelding/sendt/", views.sent_view, name="sent"),
    path("arrangement/avmelding/<str:token>/", views.cancel_view, name="cancel"),
]
