import pytest

from catalog.products import sample_catalog
from catalog.search import search


@pytest.fixture(scope="module")
def catalog():
    return sample_catalog()


def test_out_of_stock_tees_are_hidden(catalog):
    page = search(catalog, "tee", per_page=50)
    assert all(p.in_stock for p in page.items)
    assert page.total == 6


def test_page_count(catalog):
    assert search(catalog, "mug").pages == 3


def test_first_page_starts_with_cheapest(catalog):
    page = search(catalog, "mug", per_page=5)
    assert [p.sku for p in page.items] == ["MUG-01", "MUG-02", "MUG-03", "MUG-04", "MUG-05"]
    assert page.has_next


def test_last_page_is_partial(catalog):
    page = search(catalog, "mug", page=3)
    assert len(page.items) == 3
