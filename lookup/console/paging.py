"""Pages of a console list: the lists grow with what visitors send (100 forged handoffs once made
one page 7.6 MB), so each page shows a bounded number of rows and links to the others."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

HANDOFFS_PER_PAGE = 50
QUESTIONS_PER_PAGE = 100
REFUSALS_PER_PAGE = 100
# Page numbers shown around the current one (the first and last are always shown).
WINDOW = 2


@dataclass(frozen=True)
class Pager:
    page: int
    per_page: int
    total: int
    path: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, page: int, per_page: int, total: int, path: str, **params: str) -> Pager:
        """Page `page` of `total` rows; a page past the end shows the last one."""
        last = max(1, -(-total // per_page))
        return cls(min(max(1, page), last), per_page, total, path, tuple(params.items()))

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def url(self, page: int) -> str:
        return f"{self.path}?{urlencode([*self.params, ('page', str(page))])}"

    def shown(self) -> list[int | None]:
        """Page numbers to link, None where some are left out."""
        keep = {1, self.pages, *range(self.page - WINDOW, self.page + WINDOW + 1)}
        numbers = sorted(n for n in keep if 1 <= n <= self.pages)
        shown: list[int | None] = []
        for number in numbers:
            if shown and number - (shown[-1] or 0) > 1:
                shown.append(None)
            shown.append(number)
        return shown
