import pytest
from django.core.paginator import Paginator

from catalogue.models import Product
from shop.storefront.pagination import CountedPaginator
from tests.factories import make_product

pytestmark = pytest.mark.django_db

NUMBERS = [None, "", "1", "2", "3", "4", "0", "-1", "999", "abc", "1e9", "1.0", 2, 2.5, 3.0]


def products(count: int):
    for index in range(count):
        make_product(name=f"Produit {index:02d}")
    return Product.objects.order_by("name", "id")


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 6])
def test_pages_are_those_of_django_paginator(count):
    listing = products(count)
    for number in NUMBERS:
        expected = Paginator(listing, 2).get_page(number)
        page = CountedPaginator(listing, 2).get_page(number)
        assert page.number == expected.number, number
        assert page.paginator.count == expected.paginator.count == count
        assert page.paginator.num_pages == expected.paginator.num_pages
        assert [item.pk for item in page] == [item.pk for item in expected]
        assert (page.start_index(), page.end_index()) == (
            expected.start_index(),
            expected.end_index(),
        )
        assert page.has_next() == expected.has_next()
        assert page.has_previous() == expected.has_previous()


def test_a_page_and_its_count_take_one_query(django_assert_num_queries):
    listing = products(5)
    for number in ["1", "2", "3"]:
        with django_assert_num_queries(1):
            page = CountedPaginator(listing, 2).get_page(number)
            assert page.paginator.count == 5
            assert page.paginator.num_pages == 3
            list(page)


def test_no_result_takes_one_query(django_assert_num_queries):
    listing = products(0)
    with django_assert_num_queries(1):
        page = CountedPaginator(listing, 2).get_page("1")
        assert page.paginator.count == 0
        assert not page.object_list


def test_a_page_out_of_range_counts_apart_and_gives_the_last(django_assert_num_queries):
    listing = products(5)
    with django_assert_num_queries(3):  # the page asked, the count, the last page
        page = CountedPaginator(listing, 2).get_page("7")
        assert page.number == 3
        assert [item.name for item in page] == ["Produit 04"]
