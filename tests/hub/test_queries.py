import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/nb/", "/nb/om-prosjektet/"])
def test_core_pages_query_count_is_pinned(client, django_assert_max_num_queries, url):
    client.get(url)  # warm caches that are per process (content types, site root paths)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
