from django.urls import path

from methods import views

app_name = "methods"

urlpatterns = [
    path("metode/<int:page_id>/tilbakemelding/", views.feedback_view, name="feedback"),
]
