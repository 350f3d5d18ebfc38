"""Create, replace, patch and delete items. Bearer-token protected; each write is one
transaction validated by the pack schema and recorded in the audit log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, HTTPException, Query, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from lookup.api.deps import AdminDep, ExerciseDep, KindDep, SessionDep, new_admin_router
from lookup.packs.loader import check_document
from lookup.packs.schema import KINDS, MODEL_OF_KIND, Event, Item, languages_outside
from lookup.schemas import AuditView, StoredItem
from lookup.store.items import (
    delete_item,
    get_row,
    now,
    recent_audit,
    references_to,
    stored_pack,
    write_item,
)
from lookup.store.models import Exercise

router = new_admin_router()
Document = Annotated[dict[str, Any], Body(description="The item, as in an exercise pack")]


@router.post("/items/{kind}", status_code=201, response_model=StoredItem)
def create_item(
    kind: KindDep, document: Document, exercise: ExerciseDep, session: SessionDep, admin: AdminDep
) -> StoredItem:
    if kind == "exercise":
        raise HTTPException(status_code=422, detail="load a new exercise with import-pack")
    item_id = document.get("id")
    if isinstance(item_id, str) and get_row(session, exercise.id, kind, item_id) is not None:
        raise HTTPException(status_code=409, detail=f"{kind} '{item_id}' already exists")
    return _save(session, exercise, kind, document, admin, "create")


@router.put("/items/{kind}/{item_id}", response_model=StoredItem)
def replace_item(
    kind: KindDep,
    item_id: str,
    document: Document,
    exercise: ExerciseDep,
    session: SessionDep,
    admin: AdminDep,
) -> StoredItem:
    _existing(session, exercise, kind, item_id)
    return _save(session, exercise, kind, {**document, "id": item_id}, admin, "update")


@router.patch("/items/{kind}/{item_id}", response_model=StoredItem)
def patch_item(
    kind: KindDep,
    item_id: str,
    patch: Annotated[dict[str, Any], Body(description="JSON merge patch (RFC 7386)")],
    exercise: ExerciseDep,
    session: SessionDep,
    admin: AdminDep,
) -> StoredItem:
    """Change some fields, e.g. {"text": {"fr": "..."}} to correct one translation."""
    row = _existing(session, exercise, kind, item_id)
    document = _merge(row.data, patch)
    return _save(session, exercise, kind, {**document, "id": item_id}, admin, "update")


@router.delete("/items/{kind}/{item_id}", status_code=204)
def remove_item(
    kind: KindDep, item_id: str, exercise: ExerciseDep, session: SessionDep, admin: AdminDep
) -> Response:
    if kind == "exercise":
        raise HTTPException(status_code=422, detail="an exercise is removed with its pack")
    row = _existing(session, exercise, kind, item_id)
    users = references_to(session, exercise.id, kind, item_id)
    if users:
        raise HTTPException(
            status_code=409, detail=f"{kind} '{item_id}' is used by event(s): {', '.join(users)}"
        )
    _check_whole_exercise(session, exercise, kind, item_id, None)
    delete_item(session, row, actor=admin)
    session.commit()
    return Response(status_code=204)


@router.get("/audit", response_model=list[AuditView])
def audit_log(
    exercise: ExerciseDep,
    session: SessionDep,
    _admin: AdminDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[AuditView]:
    return [
        AuditView.model_validate(entry, from_attributes=True)
        for entry in recent_audit(session, exercise.id, limit)
    ]


def _existing(session: Session, exercise: Exercise, kind: str, item_id: str) -> Any:
    row = get_row(session, exercise.id, kind, item_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no {kind} with id '{item_id}'")
    return row


def _save(
    session: Session,
    exercise: Exercise,
    kind: str,
    document: dict[str, Any],
    admin: str,
    action: str,
) -> StoredItem:
    """Validate with the pack schema (the server stamps who and when), check references, write."""
    stamped = {**document, "last_updated": now().isoformat(), "updated_by": admin}
    try:
        item: Item = MODEL_OF_KIND[kind].model_validate(stamped)
    except ValidationError as error:
        raise HTTPException(
            status_code=422,
            detail=[
                {"field": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]}
                for e in error.errors()
            ],
        ) from None
    extra = sorted({lang for _, lang in languages_outside(item, exercise.languages)})
    if extra:
        raise HTTPException(
            status_code=422, detail=f"language(s) not in this exercise: {', '.join(extra)}"
        )
    if isinstance(item, Event):
        for target_kind, target in (("venue", item.venue), ("dress_code", item.dress)):
            if target and get_row(session, exercise.id, target_kind, target) is None:
                raise HTTPException(status_code=422, detail=f"no {target_kind} with id '{target}'")
    _check_whole_exercise(session, exercise, kind, item.id, item)
    row = write_item(session, exercise, kind, item, actor=admin, action=action)
    session.commit()  # on any error before this, closing the session rolls everything back
    return StoredItem(
        kind=kind,
        id=row.id,
        last_updated=row.last_updated,
        updated_by=row.updated_by,
        document=row.data,
    )


def _check_whole_exercise(
    session: Session, exercise: Exercise, kind: str, item_id: str, item: Item | None
) -> None:
    """The pack loader's own checks (time zone, dates, references, ids...) on the stored exercise
    with this write applied (item None: deleted). A write may not add a problem: 422 naming it.
    Problems already stored are not this write's fault, so they do not block it (or its fix)."""
    document = stored_pack(session, exercise)
    before = set(check_document(document))
    new = item.model_dump(mode="json", exclude_none=True) if item is not None else None
    if kind == "exercise":
        document["exercise"] = new
    else:
        section = next(name for name, (k, _model) in KINDS.items() if k == kind)
        entries = [entry for entry in document[section] if entry.get("id") != item_id]
        if new is not None:
            entries = [new if entry.get("id") == item_id else entry for entry in document[section]]
            if not any(entry.get("id") == item_id for entry in document[section]):
                entries.append(new)
        document[section] = entries
    problems = [problem for problem in check_document(document) if problem not in before]
    if problems:
        raise HTTPException(
            status_code=422,
            detail="refused: the exercise would no longer load as a pack: " + "; ".join(problems),
        )


def _merge(target: Any, patch: Any) -> Any:
    """RFC 7386: objects merge recursively, null removes a key, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = _merge(merged.get(key), value)
    return merged
