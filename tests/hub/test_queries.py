import pytest

pytestmark = pytest.mark.django_db


# The home page renders its sections (events, stories, course, figures) from the database here; with the fragment
# cache on, as in production, it stays within 12 (tests/hub/test_home.py).
@pytest.mark.parametrize("url,budget", [("/nb/", 20), ("/nb/om-prosjektet/", 14)])
def test_core_pages_query_count_is_pinned(client, django_assert_max_num_queries, url, budget):
    client.get(url)  # warm caches that are per process (content types, site root paths)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
