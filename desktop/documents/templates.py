"""Letter templates as data: parsing, validation against the field catalogue, escaping and versioned storage.

The format (TOML with a body in a small markup) is described in docs/templates.md.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from desktop.documents.context import FIELD_CATALOGUE, LIST_FIELDS, REPORT_FIELD_CATALOGUE
from desktop.models.errors import DomainError
from desktop.paths import resource_path

FIELD_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}")
BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
KIND_RE = re.compile(r"^_?[a-z][a-z0-9_]*$")

# Structured blocks a template may place with '@@ name' (tables and lists built from the case).
BLOCK_CATALOGUE: dict[str, str] = {
    "verdachte": "Gegevens van de verdachte (tabel)",
    "leerling": "Gegevens van de leerling en de school (tabel)",
    "feiten": "Feiten en overtreden wetsartikelen",
    "verzuimoverzicht": "Overzicht van het verzuim uit de meldingen (tabel)",
    "eerdere_stappen": "Eerdere stappen in de zaak (tabel)",
    "verklaringen": "Verklaringen van betrokkenen",
    "advies": "Advies over de afdoening",
    "halt_gegevens": "Gegevens voor de Halt-verwijzing (tabel)",
    "raad_gegevens": "Gegevens voor de melding aan de Raad (tabel)",
    "aanvullingen": "Aanvullingen van de consulent",
    "ondertekening": "Ondertekening: plaats, datum, naam, functie, boa-nummer (tabel)",
}

_ESCAPE_QUOTES = {'"': "&quot;", "'": "&#39;"}


class TemplateError(DomainError):
    """A template cannot be used; the message is Dutch and safe to show to an administrator."""


class MissingFieldError(TemplateError):
    """A required merge field has no value for this letter."""


def escape_markup(text: str) -> str:
    """Escape text for a ReportLab Paragraph so '<', '&' and quotes print exactly as written."""
    return escape(text, _ESCAPE_QUOTES)


@dataclass(frozen=True)
class Block:
    """One piece of body text: 'heading', 'paragraph', 'bullets' or 'insert' (a structured block).

    ``group`` ties the blocks of one optional chunk ('? ...'): the whole chunk is left out when any of
    its merge fields is empty. ``optional_items`` marks bullet items written as '? - ...'.
    """

    type: str
    lines: tuple[str, ...]
    group: int | None = None
    optional_items: tuple[bool, ...] = ()


@dataclass(frozen=True)
class LetterTemplate:
    kind: str
    title: str
    version: int
    required: tuple[str, ...]
    subject: str
    closing: str
    blocks: tuple[Block, ...]
    source: str
    content_hash: str
    fields: frozenset[str] = field(default_factory=frozenset)
    document: str = "letter"  # 'letter' or 'report': which field catalogue applies

    @property
    def version_label(self) -> str:
        """'v3-1a2b3c4d5e6f': version and short content hash, for DocumentRecord.template_version (20 chars).

        The full hashes of all templates used are in the record's merge_data.
        """
        return f"v{self.version}-{self.content_hash[:12]}"


def content_hash(source: str) -> str:
    normalised = source.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _check_fields(source: str, name: str, catalogue: Mapping[str, str]) -> set[str]:
    used: set[str] = set()
    for match in FIELD_RE.finditer(source):
        field_name = match.group(1)
        if field_name not in catalogue:
            raise TemplateError(
                f"Sjabloon '{name}', regel {_line_of(source, match.start())}: onbekend samenvoegveld "
                f"'{field_name}'. Kies een veld uit de lijst met samenvoegvelden."
            )
        used.add(field_name)
    # Anything left that looks like a merge field is malformed ('{{ naam', '{{}}', '{ naam }}').
    stripped = FIELD_RE.sub(lambda m: " " * len(m.group(0)), source)
    for token in ("{{", "}}"):
        pos = stripped.find(token)
        if pos >= 0:
            raise TemplateError(
                f"Sjabloon '{name}', regel {_line_of(source, pos)}: onvolledig samenvoegveld. "
                "Schrijf een veld als {{ groep.veld }}."
            )
    return used


def _chunks(body: str, first_line: int) -> list[list[tuple[int, str]]]:
    chunks: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(body.split("\n"), start=first_line):
        line = raw.strip()
        if not line:
            if chunks[-1]:
                chunks.append([])
        elif not (line.startswith("#") and not line.startswith("##")):  # '# ...' is an editor's comment
            chunks[-1].append((number, line))
    return [c for c in chunks if c]


def _parse_body(body: str, name: str, body_line: int) -> tuple[Block, ...]:
    blocks: list[Block] = []
    next_group = 0
    for chunk in _chunks(body, body_line):
        group = None
        if chunk[0][1].startswith("?") and not chunk[0][1][1:].lstrip().startswith("- "):
            group = next_group
            next_group += 1
        para: list[str] = []
        items: list[str] = []
        optional_items: list[bool] = []

        def flush(group: int | None = group) -> None:
            nonlocal para, items, optional_items
            if para:
                blocks.append(Block("paragraph", (" ".join(para),), group))
            if items:
                blocks.append(Block("bullets", tuple(items), group, tuple(optional_items)))
            para, items, optional_items = [], [], []

        for position, (number, raw_line) in enumerate(chunk):
            marked = raw_line.startswith("?")
            line = raw_line[1:].strip() if marked else raw_line
            if marked and position > 0 and not line.startswith("- "):
                raise TemplateError(
                    f"Sjabloon '{name}', regel {number}: zet '?' alleen aan het begin van een alinea "
                    "(na een lege regel) of vóór een opsommingsteken ('? - ...')."
                )
            if line.startswith("@@"):
                flush()
                block_name = line[2:].strip()
                if block_name not in BLOCK_CATALOGUE:
                    raise TemplateError(
                        f"Sjabloon '{name}', regel {number}: onbekend blok '@@ {block_name}'. "
                        f"Mogelijke blokken: {', '.join(sorted(BLOCK_CATALOGUE))}."
                    )
                blocks.append(Block("insert", (block_name,), group))
            elif line.startswith("## "):
                flush()
                blocks.append(Block("heading", (line[3:].strip(),), group))
            elif line.startswith("- "):
                if para:
                    flush()
                items.append(line[2:].strip())
                optional_items.append(marked and group is None)
            elif items:
                items[-1] = f"{items[-1]} {line}"  # continuation of the previous item
            else:
                para.append(line)
        flush()
    return tuple(blocks)


def parse_template(
    source: str, name: str = "sjabloon", catalogue: Mapping[str, str] | None = None
) -> LetterTemplate:
    """Parse and validate a template; raises TemplateError with the field and line on any problem."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"Sjabloon '{name}' is geen geldig TOML-bestand: {exc}.") from exc
    document = data.get("document", "letter")
    if document not in ("letter", "report"):
        raise TemplateError(f"Sjabloon '{name}': 'document' moet 'letter' of 'report' zijn.")
    if catalogue is None:
        catalogue = REPORT_FIELD_CATALOGUE if document == "report" else FIELD_CATALOGUE
    for key in ("kind", "title", "version", "body"):
        if key not in data:
            raise TemplateError(f"Sjabloon '{name}' mist de verplichte sleutel '{key}'.")
    kind = data["kind"]
    if not isinstance(kind, str) or not KIND_RE.match(kind):
        raise TemplateError(f"Sjabloon '{name}': ongeldige soort '{kind}'.")
    name = kind
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TemplateError(f"Sjabloon '{name}': 'version' moet een geheel getal van 1 of hoger zijn.")
    used = _check_fields(source, name, catalogue)
    required = data.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        raise TemplateError(f"Sjabloon '{name}': 'required' moet een lijst met veldnamen zijn.")
    for req in required:
        if req not in catalogue:
            raise TemplateError(f"Sjabloon '{name}': verplicht veld '{req}' bestaat niet.")
    body = data["body"]
    if not isinstance(body, str):
        raise TemplateError(f"Sjabloon '{name}': 'body' moet tekst zijn.")
    # The body's first line in the file, so errors in the body point at the right line.
    marker = re.search(r"^body\s*=\s*(\"\"\"|''')\n?", source, re.MULTILINE)
    body_line = _line_of(source, marker.end()) if marker else 1
    return LetterTemplate(
        kind=kind,
        title=str(data["title"]),
        version=version,
        required=tuple(required),
        subject=str(data.get("subject", data["title"])),
        closing=str(data.get("closing", "Met vriendelijke groet,")),
        blocks=_parse_body(body, name, body_line),
        source=source,
        content_hash=content_hash(source),
        fields=frozenset(used),
        document=document,
    )


# ---------------------------------------------------------------------------------------------------------
# Filling in


def _value_text(values: Mapping[str, Any], name: str) -> str:
    value = values.get(name, "")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _is_empty(values: Mapping[str, Any], name: str) -> bool:
    value = values.get(name, "")
    return value in ("", None) or (isinstance(value, list) and not value)


def fill(text: str, values: Mapping[str, Any]) -> str:
    """Template text with merge fields filled in, as Paragraph markup: all text and values escaped."""
    out: list[str] = []
    pos = 0
    for match in FIELD_RE.finditer(text):
        out.append(escape_markup(text[pos : match.start()]))
        # '*' as a character reference, so '**' inside a value never turns into bold.
        out.append(escape_markup(_value_text(values, match.group(1))).replace("*", "&#42;"))
        pos = match.end()
    out.append(escape_markup(text[pos:]))
    # '**' survives escaping unchanged, so bold markup is applied after the values are safe.
    return BOLD_RE.sub(r"<b>\1</b>", "".join(out))


def fill_plain(text: str, values: Mapping[str, Any]) -> str:
    """Template text with merge fields filled in, without markup (PDF metadata, register)."""
    return FIELD_RE.sub(lambda m: _value_text(values, m.group(1)), text).replace("**", "")


def check_required(template: LetterTemplate, values: Mapping[str, Any]) -> None:
    """Raise MissingFieldError for the first required field without a value."""
    catalogue = REPORT_FIELD_CATALOGUE if template.document == "report" else FIELD_CATALOGUE
    for name in template.required:
        if _is_empty(values, name):
            raise MissingFieldError(
                f"Het veld '{name}' ({catalogue.get(name, name)}) is leeg, maar is verplicht "
                f"voor sjabloon '{template.kind}'."
            )


@dataclass(frozen=True)
class FilledBlock:
    type: str  # heading, paragraph, bullets, insert
    items: tuple[str, ...]


def _fields_in(lines: Iterable[str]) -> list[str]:
    return [m.group(1) for line in lines for m in FIELD_RE.finditer(line)]


def fill_blocks(template: LetterTemplate, values: Mapping[str, Any]) -> list[FilledBlock]:
    """The body ready for layout; optional chunks and items with an empty field are left out."""
    dropped_groups = {
        block.group
        for block in template.blocks
        if block.group is not None and any(_is_empty(values, n) for n in _fields_in(block.lines))
    }
    result: list[FilledBlock] = []
    for block in template.blocks:
        if block.group in dropped_groups:
            continue
        if block.type == "insert":
            result.append(FilledBlock("insert", block.lines))
        elif block.type == "bullets":
            items: list[str] = []
            for line, optional in zip(block.lines, block.optional_items, strict=True):
                if optional and any(_is_empty(values, n) for n in _fields_in([line])):
                    continue
                only = FIELD_RE.fullmatch(line)
                # '- {{ list }}' on its own line makes one bullet per list item.
                if only and only.group(1) in LIST_FIELDS:
                    items.extend(escape_markup(str(v)) for v in values.get(only.group(1)) or [])
                else:
                    items.append(fill(line, values))
            if items:
                result.append(FilledBlock("bullets", tuple(items)))
        else:
            result.append(FilledBlock(block.type, (fill(block.lines[0], values),)))
    return result


# ---------------------------------------------------------------------------------------------------------
# Storage: built-in templates, local edits and server-synced versions, every version kept


def builtin_template_dir() -> Path:
    return resource_path("templates")


class TemplateStore:
    """Templates by kind. The newest version wins; every installed version stays findable by its hash.

    ``builtin_dir`` holds the shipped texts (read-only); ``local_dir`` holds texts edited by a system
    administrator or received from the server, plus an archive of every version for exact regeneration.
    """

    def __init__(self, builtin_dir: Path | None = None, local_dir: Path | None = None) -> None:
        self.builtin_dir = builtin_dir or builtin_template_dir()
        self.local_dir = local_dir
        self._cache: dict[Path, tuple[float, LetterTemplate]] = {}

    # Inside a profile folder: edited and synced templates, their archive and the layout settings.
    PROFILE_FOLDER = "sjablonen"
    LAYOUT_FILE = "opmaak.json"

    @classmethod
    def for_profile(cls, profile_dir: Path) -> TemplateStore:
        """The store of a profile: shipped texts plus the versions kept in '<profile>/sjablonen'."""
        return cls(local_dir=Path(profile_dir) / cls.PROFILE_FOLDER)

    @property
    def layout_path(self) -> Path | None:
        """Where the layout settings (address window, sender) of this store's profile are kept."""
        return None if self.local_dir is None else self.local_dir / self.LAYOUT_FILE

    def history(self, kind: str) -> list[LetterTemplate]:
        """Every stored version of a kind, newest first (shipped, current local and archived)."""
        seen: dict[str, LetterTemplate] = {}
        paths = [p for p in self._candidates(kind) if p.exists()]
        if self.local_dir is not None:
            paths += sorted((self.local_dir / "archive" / kind).glob("v*.toml"))
        for path in paths:
            template = self._load(path)
            seen.setdefault(template.content_hash, template)
        return sorted(seen.values(), key=lambda t: t.version, reverse=True)

    def _load(self, path: Path) -> LetterTemplate:
        mtime = path.stat().st_mtime
        cached = self._cache.get(path)
        if cached and cached[0] == mtime:
            return cached[1]
        template = parse_template(path.read_text(encoding="utf-8"), path.stem)
        self._cache[path] = (mtime, template)
        return template

    def _candidates(self, kind: str) -> Iterable[Path]:
        yield self.builtin_dir / f"{kind}.toml"
        if self.local_dir is not None:
            yield self.local_dir / f"{kind}.toml"

    def kinds(self) -> list[str]:
        names = {p.stem for p in self.builtin_dir.glob("*.toml")}
        if self.local_dir is not None and self.local_dir.exists():
            names |= {p.stem for p in self.local_dir.glob("*.toml")}
        return sorted(names)

    def current(self, kind: str) -> LetterTemplate:
        best: LetterTemplate | None = None
        for path in self._candidates(kind):
            if path.exists():
                template = self._load(path)
                if best is None or template.version >= best.version:
                    best = template
        if best is None:
            raise TemplateError(f"Er is geen sjabloon voor '{kind}'.")
        self.archive(best)
        return best

    def _archive_path(self, template: LetterTemplate) -> Path | None:
        if self.local_dir is None:
            return None
        return self.local_dir / "archive" / template.kind / f"v{template.version}-{template.content_hash[:12]}.toml"

    def archive(self, template: LetterTemplate) -> None:
        """Keep a copy of every version used, so a later update of the shipped texts cannot lose it."""
        path = self._archive_path(template)
        if path is not None and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.source, encoding="utf-8")

    def find(self, kind: str, version: int, content_hash_: str) -> LetterTemplate:
        """The exact template a letter was made with (for regeneration from the register)."""
        paths = list(self._candidates(kind))
        if self.local_dir is not None:
            paths += sorted((self.local_dir / "archive" / kind).glob(f"v{version}-*.toml"))
        for path in paths:
            if path.exists():
                template = self._load(path)
                if template.version == version and template.content_hash == content_hash_:
                    return template
        raise TemplateError(
            f"Versie {version} van sjabloon '{kind}' met deze inhoud is niet (meer) aanwezig; "
            "synchroniseer de sjablonen met de server."
        )

    def install(self, source: str) -> LetterTemplate:
        """Validate and store a new version (edited in the app or received from the server)."""
        if self.local_dir is None:
            raise TemplateError("Er is geen map ingesteld voor aangepaste sjablonen.")
        template = parse_template(source)
        try:
            existing = self.current(template.kind)
        except TemplateError:
            existing = None
        if existing is not None:
            if existing.content_hash == template.content_hash:
                return existing
            if template.version <= existing.version:
                raise TemplateError(
                    f"Sjabloon '{template.kind}': versie {template.version} is niet nieuwer dan de "
                    f"huidige versie {existing.version}. Verhoog het versienummer."
                )
        self.archive(template)
        (self.local_dir / f"{template.kind}.toml").write_text(source, encoding="utf-8")
        return template


_default_store: TemplateStore | None = None


def default_store() -> TemplateStore:
    """The shipped templates only; the app passes a store with the local (synced) folder as well."""
    global _default_store
    if _default_store is None:
        _default_store = TemplateStore()
    return _default_store
