"""The participants' conversation log (sub-goal 1.3): signed links, adding and amending entries, privacy, and the
organisers' and editors' views."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cockpit import privacy
from cockpit.conversations import save_entry
from cockpit.links import conversation_log_path, conversation_log_url, make_token
from cockpit.models import ConversationChallenge, ConversationLog
from hub.models import Municipality
from hub.roles import COUNTY_EDITOR, EDITOR, EVENT_MANAGER
from tests.factories.pages import registration, series
from tests.helpers import ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return series("kursrekke-samtaler")


@pytest.fixture
def kari(course):
    return registration(course, "kari@bibliotek.example", name="Kari Bibliotekar")


@pytest.fixture
def municipality():
    return Municipality.objects.order_by("number").first()


def form_data(municipality, **overrides):
    data = {
        "organisation_name": "Hamar idrettslag",
        "org_type": "sports",
        "municipality": str(municipality.pk),
        "held_on": (timezone.localdate() - dt.timedelta(days=3)).isoformat(),
        "challenge_categories": ["recruitment", "premises"],
        "challenges": "Begge mangler lokaler på kveldstid.",
        "follow_up_planned": "on",
        "website_url": "",
    }
    data.update(overrides)
    return data


def test_link_in_email_is_absolute_and_language_prefixed(kari, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://samskaping.example"
    url = conversation_log_url(kari)
    assert url.startswith("https://samskaping.example/nb/samtaler/")
    assert conversation_log_url(kari, language="nn").startswith("https://samskaping.example/nn/samtaler/")


def test_valid_link_records_a_conversation_and_shows_it_again(client, kari, municipality):
    path = conversation_log_path(kari)
    page = client.get(path)
    assert page.status_code == 200 and "Kari Bibliotekar" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex" and "no-store" in page["Cache-Control"]

    response = client.post(path, form_data(municipality))
    assert response.status_code == 302
    entry = ConversationLog.objects.get(registration_ref=kari.reference)
    assert entry.organisation_name == "Hamar idrettslag" and entry.follow_up_planned
    assert set(entry.challenge_tags.values_list("category", flat=True)) == {"recruitment", "premises"}

    # Reusing the same link (or a freshly signed one) opens the same log.
    for link in (path, conversation_log_path(kari)):
        html = client.get(link).content.decode()
        assert "Hamar idrettslag" in html and ui("%(n)s of %(target)s conversations recorded", n=1, target=3) in html


def test_amending_changes_the_same_entry(client, kari, municipality):
    entry = save_entry(kari, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 3)})
    url = reverse("cockpit:conversation_entry", kwargs={"token": make_token(kari), "entry_id": entry.pk})
    form = client.get(url).content.decode()
    assert 'value="Hamar idrettslag"' in form
    response = client.post(
        url,
        form_data(municipality, organisation_name="Hamar IL", challenge_categories=["digital"], follow_up_planned=""),
    )
    assert response.status_code == 302
    assert ConversationLog.objects.filter(registration_ref=kari.reference).count() == 1
    entry.refresh_from_db()
    assert entry.organisation_name == "Hamar IL" and not entry.follow_up_planned
    assert list(entry.challenge_tags.values_list("category", flat=True)) == ["digital"]


def test_cannot_amend_another_participants_entry(client, course, kari, municipality):
    ola = registration(course, "ola@bibliotek.example", name="Ola")
    entry = save_entry(ola, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 3)})
    url = reverse("cockpit:conversation_entry", kwargs={"token": make_token(kari), "entry_id": entry.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, form_data(municipality, organisation_name="Kapret")).status_code == 404
    entry.refresh_from_db()
    assert entry.organisation_name == "Hamar idrettslag"


def test_tampered_link_shows_a_clear_error(client, kari):
    token = make_token(kari)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("cockpit:conversation_log", kwargs={"token": tampered}))
    assert response.status_code == 400
    assert (
        "has been changed" in response.content.decode()
        or "endra" in response.content.decode()
        or "endret" in response.content.decode()
    )
    assert client.post(reverse("cockpit:conversation_log", kwargs={"token": tampered}), {}).status_code == 400
    assert not ConversationLog.objects.exists()


def test_expired_link_shows_a_clear_error(client, kari, settings):
    path = conversation_log_path(kari)
    settings.COCKPIT_CONVERSATION_LINK_DAYS = -1
    response = client.get(path)
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()


def test_link_of_a_cancelled_registration_no_longer_opens(client, kari):
    path = conversation_log_path(kari)
    kari.status = "cancelled"
    kari.save()
    assert client.get(path).status_code == 404


def test_invalid_form_rerenders_with_linked_errors_and_saves_nothing(client, kari, municipality):
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    response = client.post(
        conversation_log_path(kari),
        form_data(municipality, organisation_name="", held_on=future, challenge_categories=[], challenges=""),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and 'aria-describedby="id_organisation_name_error"' in html
    assert 'href="#id_held_on"' in html
    assert not ConversationLog.objects.exists()


def test_honeypot_saves_nothing(client, kari, municipality):
    response = client.post(conversation_log_path(kari), form_data(municipality, website_url="http://spam.example"))
    assert response.status_code == 302
    assert not ConversationLog.objects.exists()


def test_export_and_delete_for_email(kari, course, municipality):
    save_entry(kari, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 3)})
    other = registration(course, "per@bibliotek.example", name="Per")
    save_entry(other, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 4)})
    exported = privacy.export_for_email("KARI@bibliotek.example")
    assert len(exported) == 1
    assert exported[0]["organisation"] == "Hamar idrettslag"
    assert exported[0]["challenge_categories"] == ["premises", "recruitment"]
    assert privacy.delete_for_email("kari@bibliotek.example") == 1
    assert privacy.export_for_email("kari@bibliotek.example") == []
    assert ConversationLog.objects.count() == 1
    assert privacy.delete_for_email("nobody@example.com") == 0


def test_retention_purge_detaches_old_entries_but_keeps_totals(kari, course, municipality):
    old = save_entry(kari, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 3)})
    ConversationLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=200))
    fresh_reg = registration(course, "ny@bibliotek.example", name="Ny")
    fresh = save_entry(
        fresh_reg, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 5)}
    )

    assert privacy.purge_before(timezone.now() - dt.timedelta(days=90)) == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.registration_ref is None and old.challenges == ""
    assert old.org_type == "sports" and ConversationChallenge.objects.filter(entry=old).count() == 2
    assert fresh.registration_ref == fresh_reg.reference and fresh.challenges
    assert privacy.export_for_email("kari@bibliotek.example") == []


def test_purge_detaches_entries_of_anonymised_registrations(kari, municipality):
    entry = save_entry(kari, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 3)})
    kari.anonymised_at = timezone.now()
    kari.save()
    assert privacy.purge_before(timezone.now() - dt.timedelta(days=365)) == 1
    entry.refresh_from_db()
    assert entry.registration_ref is None


def test_organisers_see_progress_per_participant(client, make_user, course, kari, municipality):
    ola = registration(course, "ola@bibliotek.example", name="Ola Deltaker")
    for day in (1, 2, 3):
        save_entry(kari, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, day)})
    save_entry(ola, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 9)})
    client.force_login(make_user("arr", EVENT_MANAGER))
    response = client.get(reverse("cockpit_progress"))
    assert response.status_code == 200
    rows = {r["registration"].name: r for r in response.context["rows"]}
    assert rows["Kari Bibliotekar"]["count"] == 3 and rows["Kari Bibliotekar"]["done"]
    assert rows["Ola Deltaker"]["count"] == 1 and not rows["Ola Deltaker"]["done"]
    assert response.context["done"] == 1


def test_editors_see_aggregated_challenges_without_names(client, make_user, course, kari, municipality):
    ola = registration(course, "ola@bibliotek.example", name="Ola Deltaker")
    save_entry(kari, {**form_data(municipality), "municipality": municipality, "held_on": dt.date(2022, 10, 1)})
    save_entry(
        ola,
        {
            **form_data(municipality, challenge_categories=["recruitment"]),
            "challenge_categories": ["recruitment"],
            "municipality": municipality,
            "held_on": dt.date(2022, 10, 2),
        },
    )
    client.force_login(make_user("red-c", EDITOR))
    response = client.get(reverse("cockpit_challenges"))
    assert response.status_code == 200
    by_category = {r["key"]: r["count"] for r in response.context["data"]["by_category"]}
    assert by_category == {"recruitment": 2, "premises": 1}
    html = response.content.decode()
    assert "Kari Bibliotekar" not in html and "Ola Deltaker" not in html and "kari@" not in html


def test_county_editor_sees_neither_progress_nor_challenges(client, make_user):
    client.force_login(make_user("fylke-c", COUNTY_EDITOR))
    for name in ("cockpit_progress", "cockpit_challenges"):
        assert client.get(reverse(name)).status_code in (302, 403)
