from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("sok/", views.search_view, name="search"),
    path("sok/forslag/", views.autocomplete_view, name="autocomplete"),
]
