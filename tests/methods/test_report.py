"""The editors' feedback report: who may see it, what the exports contain, and the date filter."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hub.roles import COUNTY_EDITOR, EDITOR
from methods.feedback import submit_feedback
from methods.models import MethodFeedback, MethodPage

pytestmark = pytest.mark.django_db

URL = "/admin/metoder/tilbakemeldinger/"


@pytest.fixture
def feedback():
    a = MethodPage.objects.get(slug="idemyldring", locale__language_code="nb")
    b = MethodPage.objects.get(slug="prototyping", locale__language_code="nb")
    submit_feedback(a, 5, "=SUM(A1:A2) veldig nyttig", "library")
    submit_feedback(a, 3, "", "volunteer")
    old = submit_feedback(b, 2, "Gammel kommentar", "")
    MethodFeedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    return a, b


def test_report_url_is_the_registered_admin_view():
    assert reverse("methods_feedback_report") == URL


def test_public_is_sent_to_the_login_page(client, feedback):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert client.get(URL + "?export=csv").status_code == 302


def test_editor_without_the_permission_is_refused(client, make_user, feedback):
    client.force_login(make_user("fylke", COUNTY_EDITOR))
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    csv_response = client.get(URL + "?export=csv")
    assert csv_response.status_code == 302
    assert b"veldig nyttig" not in csv_response.content
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL not in menu


def test_editor_with_the_permission_sees_counts_averages_and_comments(client, make_user, feedback):
    user = make_user("redaktor", EDITOR)
    assert user.has_perm("methods.view_methodfeedback")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Idémyldring" in html and "veldig nyttig" in html and "Gammel kommentar" in html
    rows = {r.method.slug: r for r in response.context["rows"]}
    assert (rows["idemyldring"].count, rows["idemyldring"].average) == (2, 4.0)
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_csv_export_has_one_row_per_method_with_count_average_and_comments(admin_client, feedback):
    response = admin_client.get(URL + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    by_method = {r[0]: r for r in rows[1:]}
    assert by_method["Idémyldring"][1:3] == ["2", "4.0"]
    # A comment that looks like a formula is written as text.
    assert by_method["Idémyldring"][3] == "'=SUM(A1:A2) veldig nyttig"
    assert by_method["Prototyping"][1:] == ["1", "2.0", "Gammel kommentar"]


def test_date_filter_limits_the_report_and_the_export(admin_client, feedback):
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    response = admin_client.get(URL + f"?fra={since}")
    assert [r.method.slug for r in response.context["rows"]] == ["idemyldring"]
    rows = list(csv.reader(io.StringIO(admin_client.get(URL + f"?fra={since}&export=csv").content.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["Idémyldring"]


def test_reversed_dates_show_an_error_not_a_crash(admin_client, feedback):
    response = admin_client.get(URL + "?fra=2026-05-01&til=2026-01-01")
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert response.context["form"].errors


def test_xlsx_export_has_a_summary_and_a_comments_sheet(admin_client, feedback):
    response = admin_client.get(URL + "?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    summary, comments = workbook.worksheets
    values = [[c.value for c in row] for row in summary.iter_rows()]
    assert values[1][:3] == ["Idémyldring", 2, 4.0]
    comment_rows = [[c.value for c in row] for row in comments.iter_rows()][1:]
    assert sorted(r[-1] for r in comment_rows) == ["'=SUM(A1:A2) veldig nyttig", "Gammel kommentar"]
