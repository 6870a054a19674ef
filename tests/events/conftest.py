import pytest
from django.core.cache import cache


@pytest.fixture
def clear_cache():
    """Rate-limit counters and cached pages live in the cache: each test starts and ends with none."""
    cache.clear()
    yield
    cache.clear()
