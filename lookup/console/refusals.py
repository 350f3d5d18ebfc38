"""Questions refused for operational security (issue 19), newest first, a page at a time: for the
exercise's security officer. Each names its sender, (channel, sender id), so only console
administrators see the page (docs/console.md; docs/security.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lookup.api.deps import SessionDep
from lookup.console.paging import REFUSALS_PER_PAGE, Pager
from lookup.console.web import AdminStaffDep, CsrfChecked, render
from lookup.store.refusals import count_refusals, refusals

router = APIRouter(prefix="/console/refusals", include_in_schema=False, dependencies=[CsrfChecked])


@router.get("", response_class=HTMLResponse)
def refusals_page(
    request: Request,
    session: SessionDep,
    staff: AdminStaffDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    total = count_refusals(session)
    pager = Pager.of(page, REFUSALS_PER_PAGE, total, "/console/refusals")
    return render(
        request,
        session,
        "refusals.html",
        {
            "refusals": refusals(session, pager.per_page, pager.offset),
            "total": total,
            "pager": pager,
        },
        staff=staff,
    )
