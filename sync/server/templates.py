"""Letter templates on the server: the system administrator publishes versions, every device pulls them.

A template is checked with the desktop's own parser (desktop/documents/templates.py), so a text the server
accepts is a text every device of the same release can print. Versions only go up; every version is kept.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Connection, Engine, func, insert, select, update

from desktop.models.errors import DomainError
from sync.server import store
from sync.server.db import accounts, counters, template_documents, template_versions
from sync.server.scope import SYSTEM_ADMINISTRATOR, Principal

# A template is a few kilobytes; this leaves ample room and keeps a request far below the global limit.
MAX_TEMPLATE_BYTES = 200_000
REVISION_COUNTER = "template_revision"
# The documents that travel with the templates, and the file each becomes in the profile's template folder.
DOCUMENTS = {"opmaak": "opmaak.json", "organisaties": "organisaties.json"}


class TemplatePutRequest(BaseModel):
    source: str = Field(max_length=MAX_TEMPLATE_BYTES)


class DocumentPutRequest(BaseModel):
    content: dict[str, Any]


class PublishedTemplate(BaseModel):
    kind: str
    version: int
    sha256: str
    revision: int
    unchanged: bool = False


class PublishedDocument(BaseModel):
    name: str
    sha256: str
    revision: int
    unchanged: bool = False


class Refusal(Exception):
    """A publication the server does not accept; ``message`` is Dutch and names what is wrong."""

    def __init__(self, status: int, code: str, message: str, audit_result: str, **extra: Any) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.audit_result, self.extra = (
            status, code, message, audit_result, extra
        )


@dataclass(frozen=True)
class _Checked:
    kind: str
    version: int
    sha256: str


def sha256_of(source: str) -> str:
    """The content hash of a template, the same as LetterTemplate.content_hash on the desktop."""
    from desktop.documents.templates import content_hash

    return content_hash(source)


def _unknown_field(source: str) -> str | None:
    """The first merge field the desktop's catalogue does not know, if any."""
    from desktop.documents.context import FIELD_CATALOGUE, REPORT_FIELD_CATALOGUE
    from desktop.documents.templates import FIELD_RE

    try:
        document = tomllib.loads(source).get("document", "letter")
    except tomllib.TOMLDecodeError:
        return None
    catalogue = REPORT_FIELD_CATALOGUE if document == "report" else FIELD_CATALOGUE
    for match in FIELD_RE.finditer(source):
        if match.group(1) not in catalogue:
            return match.group(1)
    return None


def check_template(kind: str, source: str) -> _Checked:
    """Parse and validate with the desktop's parser; a refusal names the field or rule that fails."""
    # Imported here: the server needs the parser only when a template is published.
    from desktop.documents.templates import TemplateError, parse_template

    try:
        template = parse_template(source, kind)
    except TemplateError as exc:
        field_name = _unknown_field(source)
        if field_name is not None:
            raise Refusal(422, "unknown_field", str(exc), "unknown_field", field=field_name) from None
        raise Refusal(422, "invalid_template", str(exc), "invalid_template") from None
    if template.kind != kind:
        raise Refusal(
            422, "kind_mismatch",
            f"Het sjabloon heeft soort '{template.kind}', maar is verstuurd als '{kind}'.", "kind_mismatch",
        )
    return _Checked(template.kind, template.version, template.content_hash)


def check_document(name: str, content: dict[str, Any]) -> str:
    """The document as the exact JSON text devices will store; refused when the desktop could not use it."""
    if name not in DOCUMENTS:
        raise Refusal(
            404, "unknown_document",
            f"Onbekend document '{name}'. Mogelijk: {', '.join(sorted(DOCUMENTS))}.", "unknown_document",
        )
    try:
        if name == "opmaak":
            from desktop.documents.layout import LayoutSettings

            LayoutSettings.from_dict(content)
        else:
            from desktop.documents.context import Addressee, from_dict

            for key, value in content.items():
                if not isinstance(value, dict):
                    raise ValueError(f"'{key}' moet een adres zijn.")
                from_dict(Addressee, value, f"{key}.")
    except (DomainError, ValueError, TypeError, KeyError) as exc:
        raise Refusal(422, "invalid_document", f"Document '{name}' is niet bruikbaar: {exc}", "invalid") from None
    return json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1)


def forbidden() -> Refusal:
    return Refusal(403, "forbidden", "Alleen de functioneel beheerder mag sjablonen publiceren.", "denied")


def _require_system_administrator(principal: Principal) -> None:
    if principal.role != SYSTEM_ADMINISTRATOR:
        raise forbidden()


def _username(conn: Connection, principal: Principal) -> str:
    name = conn.execute(select(accounts.c.username).where(accounts.c.id == principal.user_id)).scalar()
    return name or principal.user_id


def _next_revision(conn: Connection) -> int:
    """The next template revision. Written first: the row stays locked until commit (revisions follow commit
    order), and on SQLite the transaction is a writer from its first statement, so it never has to upgrade."""
    conn.execute(
        update(counters).where(counters.c.name == REVISION_COUNTER).values(value=counters.c.value + 1)
    )
    return conn.execute(select(counters.c.value).where(counters.c.name == REVISION_COUNTER)).scalar_one()


def _write(engine: Engine, work: Any) -> Any:
    if engine.dialect.name == "sqlite":
        # The same lock as pushes take: one writer at a time in this process.
        with store._sqlite_write_lock, engine.begin() as conn:
            return work(conn)
    with engine.begin() as conn:
        return work(conn)


def audit_refusal(engine: Engine, principal: Principal, action: str, obj: str, refusal: Refusal) -> None:
    with engine.begin() as conn:
        store.audit(conn, action, refusal.audit_result, principal, obj=obj[:120])


def publish_template(engine: Engine, principal: Principal, kind: str, source: str) -> PublishedTemplate:
    """Store a new version: only the system administrator, only a valid text, only a higher version.

    The same text with the same version again is accepted without a new revision (a retried request).
    """
    _require_system_administrator(principal)
    checked = check_template(kind, source)

    def work(conn: Connection) -> PublishedTemplate:
        # Lock the counter before looking at the versions, so two publications of one kind cannot cross.
        revision = _next_revision(conn)
        same = conn.execute(
            select(template_versions.c.sha256, template_versions.c.revision).where(
                template_versions.c.kind == kind, template_versions.c.version == checked.version
            )
        ).first()
        if same is not None and same.sha256 == checked.sha256:
            raise _Unchanged(PublishedTemplate(
                kind=kind, version=checked.version, sha256=checked.sha256, revision=same.revision, unchanged=True
            ))
        current = conn.execute(
            select(func.max(template_versions.c.version)).where(template_versions.c.kind == kind)
        ).scalar()
        if current is not None and checked.version <= current:
            raise Refusal(
                409, "version_not_higher",
                f"Sjabloon '{kind}': versie {checked.version} is niet hoger dan versie {current} op de server. "
                "Haal eerst de nieuwste versie op en verhoog het versienummer.",
                "version_not_higher", current_version=current,
            )
        conn.execute(insert(template_versions).values(
            kind=kind, version=checked.version, sha256=checked.sha256, source=source,
            author_id=principal.user_id, author=_username(conn, principal), created_at=store.now_iso(),
            revision=revision,
        ))
        store.audit(conn, "template_publish", "ok", principal, obj=f"templates:{kind}:v{checked.version}")
        return PublishedTemplate(kind=kind, version=checked.version, sha256=checked.sha256, revision=revision)

    try:
        return _write(engine, work)
    except _Unchanged as unchanged:  # rolled back: the counter was not used
        return unchanged.answer


def publish_document(engine: Engine, principal: Principal, name: str, content: dict[str, Any]) -> PublishedDocument:
    """Replace the layout or organisations document for every office."""
    _require_system_administrator(principal)
    text = check_document(name, content)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()

    def work(conn: Connection) -> PublishedDocument:
        revision = _next_revision(conn)
        row = conn.execute(select(template_documents).where(template_documents.c.name == name)).first()
        if row is not None and row.sha256 == digest:
            raise _Unchanged(PublishedDocument(name=name, sha256=digest, revision=row.revision, unchanged=True))
        values = {
            "content": text, "sha256": digest, "author_id": principal.user_id,
            "author": _username(conn, principal), "updated_at": store.now_iso(), "revision": revision,
        }
        if row is None:
            conn.execute(insert(template_documents).values(name=name, **values))
        else:
            conn.execute(update(template_documents).where(template_documents.c.name == name).values(**values))
        store.audit(conn, "template_document", "ok", principal, obj=f"template_documents:{name}")
        return PublishedDocument(name=name, sha256=digest, revision=revision)

    try:
        return _write(engine, work)
    except _Unchanged as unchanged:
        return unchanged.answer


class _Unchanged(Exception):
    def __init__(self, answer: Any) -> None:
        super().__init__("unchanged")
        self.answer = answer


def changes_since(conn: Connection, since: int) -> dict[str, Any]:
    """Every template version and document written after revision ``since``, oldest first.

    ``revision`` is the highest revision in the answer (or ``since``): asking again from there never skips a
    write that was still being committed when this answer was read.
    """
    versions = conn.execute(
        select(template_versions).where(template_versions.c.revision > since).order_by(template_versions.c.revision)
    ).all()
    documents = conn.execute(
        select(template_documents)
        .where(template_documents.c.revision > since)
        .order_by(template_documents.c.revision)
    ).all()
    revision = max([since] + [r.revision for r in versions] + [d.revision for d in documents])
    return {
        "templates": [
            {"kind": r.kind, "version": r.version, "sha256": r.sha256, "source": r.source, "author": r.author,
             "created_at": r.created_at, "revision": r.revision}
            for r in versions
        ],
        "documents": [
            {"name": d.name, "content": json.loads(d.content), "sha256": d.sha256, "author": d.author,
             "updated_at": d.updated_at, "revision": d.revision}
            for d in documents
        ],
        "revision": revision,
    }
