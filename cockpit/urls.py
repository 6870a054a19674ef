from django.urls import path

from cockpit import public_views

app_name = "cockpit"

urlpatterns = [
    path("samtaler/<str:token>/", public_views.conversation_log, name="conversation_log"),
    path("samtaler/<str:token>/<int:entry_id>/", public_views.conversation_log, name="conversation_entry"),
]
