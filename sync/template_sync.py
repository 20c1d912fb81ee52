"""Letter templates from and to the sync server: pull every newly published version into the profile, and
publish a version written by the system administrator (functioneel beheerder).

Every version received is archived in the profile, so a letter made with an older text can still be made
again exactly (TemplateStore.find). The revision reached is kept in ``<profile>/sjablonen/server.json``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.documents.templates import LetterTemplate, TemplateError, TemplateStore, parse_template
from desktop.fileio import atomic_write_bytes
from desktop.models.errors import DomainError
from sync.client import SyncClient, SyncError

CURSOR_FILE = "server.json"
# The documents that travel with the templates and the file each becomes in the template folder.
DOCUMENT_FILES = {"opmaak": "opmaak.json", "organisaties": "organisaties.json"}


class TemplatePublishError(SyncError):
    """The server did not take the template; the message is Dutch and says what to do."""


@dataclass
class PullResult:
    """What one pull brought: new versions installed or archived, documents written, texts refused."""

    installed: list[str] = field(default_factory=list)  # 'kind v3' that became the text printed
    archived: list[str] = field(default_factory=list)  # older versions kept for regeneration only
    documents: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # Dutch messages: texts this release cannot use
    revision: int = 0

    @property
    def changed(self) -> int:
        return len(self.installed) + len(self.archived) + len(self.documents)


def _document_text(content: Any) -> str:
    # The same serialisation as the server's, so the hash can be checked.
    return json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1)


def _store_of(target: TemplateStore | Path | str) -> TemplateStore:
    store = target if isinstance(target, TemplateStore) else TemplateStore.for_profile(Path(target))
    _local_dir(store)  # refused before anything is asked of the server
    return store


def _local_dir(store: TemplateStore) -> Path:
    """The profile's own template folder, where pulled versions, documents and the cursor are written."""
    if store.local_dir is None:
        raise TemplateError("Er is geen map ingesteld voor aangepaste sjablonen.")
    return store.local_dir


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text.encode("utf-8"))


def read_cursor(store: TemplateStore, server_url: str) -> int:
    """The template revision this profile has from ``server_url``; 0 for another server or none yet."""
    path = _local_dir(store) / CURSOR_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(data, dict) or data.get("server") != server_url:
        return 0
    revision = data.get("revision", 0)
    return revision if isinstance(revision, int) and revision >= 0 else 0


def _write_cursor(store: TemplateStore, server_url: str, revision: int) -> None:
    _write_atomically(_local_dir(store) / CURSOR_FILE, json.dumps({"server": server_url, "revision": revision}))


def _apply_version(store: TemplateStore, template: LetterTemplate, result: PullResult) -> None:
    """Archive the version; make it the printed text when it is newer than the current one.

    The server decides: a local text with the same version number but other content (an edit that was never
    published) gives way to the published one. It stays in the archive.
    """
    label = f"{template.kind} v{template.version}"
    store.archive(template)  # every version, also older ones: old letters must regenerate exactly
    try:
        current: LetterTemplate | None = store.current(template.kind)
    except TemplateError:
        current = None
    if current is not None and current.content_hash == template.content_hash:
        return
    if current is None or template.version > current.version:
        store.install(template.source)
        result.installed.append(label)
    elif template.version == current.version:
        _write_atomically(_local_dir(store) / f"{template.kind}.toml", template.source)
        result.installed.append(label)
    else:
        result.archived.append(label)


# Where the address window sits depends on this office's envelopes and printer: a published layout brings the
# letterhead and sender, and leaves the window as it was set here with the test sheet.
LOCAL_LAYOUT_KEYS = ("window_left_mm", "window_top_mm", "window_width_mm", "window_height_mm")


def _with_local_window(content: dict[str, Any], path: Path) -> dict[str, Any]:
    try:
        local = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return content
    for key in LOCAL_LAYOUT_KEYS:
        if key in local:
            content[key] = local[key]
    return content


def _apply_document(store: TemplateStore, item: dict[str, Any], result: PullResult) -> None:
    name = item.get("name")
    if name not in DOCUMENT_FILES:
        return  # a document a newer server knows and this release does not use
    text = _document_text(item.get("content"))
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != item.get("sha256"):
        raise SyncError(
            "Een document van de sjablonen kwam beschadigd binnen; het wordt opnieuw opgehaald.", "template_damaged"
        )
    path = _local_dir(store) / DOCUMENT_FILES[name]
    if name == "opmaak":
        from desktop.documents.layout import LayoutSettings

        content = _with_local_window(dict(item["content"]), path)
        try:
            LayoutSettings.from_dict(content)
        except (DomainError, ValueError, TypeError, KeyError) as exc:
            result.refused.append(f"De opmaak van de server is niet bruikbaar: {exc}")
            return
        text = _document_text(content)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    _write_atomically(path, text)
    result.documents.append(name)


def pull_templates_result(target: TemplateStore | Path | str, client: SyncClient) -> PullResult:
    """Pull what was published since the last pull and install it; see ``pull_templates``."""
    store = _store_of(target)
    since = read_cursor(store, client.base_url)
    answer = client._request("GET", "/api/v1/templates", params={"since": since})
    result = PullResult(revision=since)
    items = sorted(answer.get("templates", []), key=lambda t: (t["kind"], t["version"]))
    first_failed: int | None = None
    usable: dict[str, list[LetterTemplate]] = {}
    for item in items:
        try:
            template = parse_template(item["source"])
            if template.content_hash != item["sha256"] or template.kind != item["kind"]:
                raise TemplateError(f"Sjabloon '{item['kind']}' versie {item['version']} kwam beschadigd binnen.")
        except TemplateError as exc:
            # Most likely a text for a newer release (a field this one does not know): fetched again later.
            result.refused.append(str(exc))
            first_failed = min(first_failed or item["revision"], item["revision"])
            continue
        usable.setdefault(template.kind, []).append(template)
    for versions in usable.values():
        # Older versions only go to the archive (for regeneration); the newest may become the printed text.
        for older in versions[:-1]:
            store.archive(older)
            result.archived.append(f"{older.kind} v{older.version}")
        _apply_version(store, versions[-1], result)
    for item in answer.get("documents", []):
        _apply_document(store, item, result)
    revision = int(answer.get("revision", since))
    if first_failed is not None:
        revision = min(revision, first_failed - 1)
    result.revision = max(since, revision)
    if result.revision != since or not (_local_dir(store) / CURSOR_FILE).exists():
        _write_cursor(store, client.base_url, result.revision)
    return result


def pull_templates(target: TemplateStore | Path | str, client: SyncClient) -> int:
    """Install the templates, layout and organisation addresses published since the last pull.

    ``target`` is the profile's TemplateStore (``TemplateStore.for_profile(profile_dir)``) or the profile
    folder itself. Returns how many versions and documents were received (0 when nothing was new; then
    nothing but the revision number travelled). Raises SyncError when the server cannot be reached.
    """
    return pull_templates_result(target, client).changed


_PUBLISH_MESSAGES = {
    "forbidden": "Alleen de functioneel beheerder mag sjablonen publiceren.",
    "kind_mismatch": "De soort in het sjabloon past niet bij het sjabloon dat wordt gepubliceerd.",
    "too_large": "Het sjabloon is te groot om te publiceren.",
}


def _server_version(client: SyncClient, kind: str) -> int | None:
    try:
        answer = client._request("GET", "/api/v1/templates", params={"since": 0})
    except SyncError:
        return None
    versions = [t["version"] for t in answer.get("templates", []) if t.get("kind") == kind]
    return max(versions) if versions else None


def publish_template(client: SyncClient, kind: str, source: str) -> int:
    """Publish a template version to the server for every office; returns the version the server holds.

    The text is checked here first with the same parser as the server's, so an unknown merge field is
    named with its line. Raises TemplatePublishError with a Dutch message when the server refuses it.
    """
    try:
        template = parse_template(source, kind)
    except TemplateError as exc:
        raise TemplatePublishError(str(exc), "invalid_template") from None
    if template.kind != kind:
        raise TemplatePublishError(_PUBLISH_MESSAGES["kind_mismatch"], "kind_mismatch")
    try:
        answer = client._request("PUT", f"/api/v1/templates/{kind}", body={"source": source})
    except SyncError as exc:
        if exc.code == "version_not_higher":
            newest = _server_version(client, kind)
            newest_text = f"versie {newest}" if newest is not None else "een nieuwere versie"
            raise TemplatePublishError(
                f"Sjabloon '{kind}': de server heeft al {newest_text}; versie {template.version} is niet hoger. "
                "Synchroniseer om de nieuwste versie op te halen, pas die aan en publiceer opnieuw.",
                exc.code,
            ) from None
        if exc.code == "unknown_field":
            raise TemplatePublishError(
                f"Sjabloon '{kind}': de server kent een van de samenvoegvelden niet. De server gebruikt "
                "waarschijnlijk een andere versie van Vangnet; vraag de beheerder van de server om bij te werken.",
                exc.code,
            ) from None
        if exc.code in ("invalid_template", "invalid_request"):
            raise TemplatePublishError(
                f"Sjabloon '{kind}' is door de server geweigerd: de tekst is voor de server niet bruikbaar.",
                exc.code,
            ) from None
        if exc.code in _PUBLISH_MESSAGES:
            raise TemplatePublishError(_PUBLISH_MESSAGES[exc.code], exc.code) from None
        raise
    return int(answer["version"])


def publish_document(client: SyncClient, name: str, content: dict[str, Any]) -> int:
    """Publish the layout ('opmaak') or the organisation addresses ('organisaties'); returns the revision."""
    if name not in DOCUMENT_FILES:
        raise TemplatePublishError(f"Onbekend document '{name}'.", "unknown_document")
    try:
        answer = client._request("PUT", f"/api/v1/template-documents/{name}", body={"content": content})
    except SyncError as exc:
        if exc.code in ("invalid_document", "invalid_request"):
            raise TemplatePublishError(
                f"De server weigerde document '{name}': het is niet bruikbaar.", exc.code
            ) from None
        if exc.code in _PUBLISH_MESSAGES:
            raise TemplatePublishError(_PUBLISH_MESSAGES[exc.code], exc.code) from None
        raise
    return int(answer["revision"])
