"""Row ids taken from URLs. Integer primary keys are 32-bit on PostgreSQL and 64-bit on SQLite,
and a larger number in a path was a 500 (the driver cannot bind it): out of range is a 422."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
