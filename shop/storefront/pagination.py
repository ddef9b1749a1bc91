"""Pagination of lists the database reads whole anyway to order them (ranked search results)."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window

from catalogue.search import planned_for_its_values

_TOTAL = "paginator_total"


class CountedPaginator(Paginator):
    """A paginator of a queryset whose page query also returns the number of results
    (`COUNT(*) OVER ()`): one query instead of a count and a page, for lists whose order already
    makes the database read every result (a ranking), so that counting them costs nothing more.
    The page query is planned for its values each time (a ranking's prepared plan is slower).

    `get_page` answers like Django's: page 1 for a number it cannot read, the last page for a
    number out of range (only then does it count apart, to know which page is the last)."""

    object_list: QuerySet

    def __init__(self, object_list: QuerySet, per_page: int) -> None:
        """Without orphans: a page of results always belongs to the page number asked."""
        super().__init__(object_list, per_page)

    def get_page(self, number) -> Page:
        try:
            number = self.page_number(number)
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            return self.page(self.num_pages)
        bottom = (number - 1) * self.per_page
        counted = self.object_list.annotate(**{_TOTAL: Window(Count("*"))})
        with planned_for_its_values(counted.db):
            rows = list(counted[bottom : bottom + self.per_page])
        if rows or number == 1:
            self.__dict__["count"] = getattr(rows[0], _TOTAL) if rows else 0
            return self._get_page(rows, number, self)
        return self.page(self.num_pages)

    def page_number(self, number) -> int:
        """`number` read as a page number (1 or more), not yet compared with the count."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number
