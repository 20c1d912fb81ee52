"""Template sync on a real loopback server (SQLite and PostgreSQL): the functioneel beheerder publishes,
every office pulls the same text, refusals change nothing, old letters still regenerate exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, func, select

from desktop.documents.layout import LayoutSettings, load_layout
from desktop.documents.letters import generate_letter, regenerate
from desktop.documents.samples import sample_context
from desktop.documents.templates import TemplateStore, builtin_template_dir, content_hash
from sync.client import SyncClient
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION
from sync.server.db import audit_log, metadata, template_documents, template_versions
from sync.server.migrate import upgrade
from sync.template_sync import (
    TemplatePublishError,
    publish_document,
    publish_template,
    pull_templates,
    pull_templates_result,
    read_cursor,
)

# A kind whose shipped text is version 1 (the versions below are numbered from it).
KIND = "melding_raad"
# A fixed creation moment: the same template and values give the same PDF, byte for byte, on every device.
SETTINGS = LayoutSettings(timestamp=1_750_000_000.0)


def version_of(source: str, version: int, extra: str = "") -> str:
    """The shipped letter as version ``version``, with ``extra`` added as the body's last paragraph."""
    text = re.sub(r"^version\s*=\s*\d+", f"version = {version}", source, count=1, flags=re.MULTILINE)
    if extra:
        end = text.rindex("'''")
        text = text[:end] + f"\n{extra}\n" + text[end:]
    return text


@pytest.fixture
def shipped() -> str:
    return (builtin_template_dir() / f"{KIND}.toml").read_text(encoding="utf-8")


def profile(tmp_path: Path, name: str) -> TemplateStore:
    return TemplateStore.for_profile(tmp_path / name)


def raw_put(client: SyncClient, path: str, body: dict) -> requests.Response:
    """The server's own answer, status and Dutch message, without the client's error mapping."""
    headers = {
        PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        SCHEMA_HEADER: str(SCHEMA_VERSION),
        "Authorization": "Bearer " + client.tokens.access_token,
    }
    return requests.put(client.base_url + path, json=body, headers=headers, timeout=10)


def server_versions(server) -> list[tuple[str, int, str]]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(template_versions.c.kind, template_versions.c.version, template_versions.c.sha256)
            .order_by(template_versions.c.id)
        ).all()
    return [tuple(r) for r in rows]


def audit_results(server, action: str) -> list[str]:
    with server.engine.connect() as conn:
        return list(conn.execute(select(audit_log.c.result).where(audit_log.c.action == action)).scalars())


def letter_pdf(store: TemplateStore) -> bytes:
    return generate_letter(KIND, sample_context(KIND), settings=SETTINGS, store=store).pdf


def test_published_template_reaches_a_second_office_which_prints_the_same_letter(server, tmp_path, shipped):
    fred, anna = server.client("fred"), server.client("anna")
    admin_office, other_office = profile(tmp_path, "a"), profile(tmp_path, "b")
    source = version_of(shipped, 2, "Deze tekst geldt voor elk kantoor in de regio.")
    admin_office.install(source)  # saved in the editor first, then published

    assert publish_template(fred, KIND, source) == 2
    assert server_versions(server) == [(KIND, 2, content_hash(source))]
    assert audit_results(server, "template_publish") == ["ok"]

    assert pull_templates(other_office, anna) == 1
    received = other_office.current(KIND)
    assert received.version == 2 and received.content_hash == content_hash(source)
    assert (tmp_path / "b" / "sjablonen" / f"{KIND}.toml").read_text(encoding="utf-8") == source
    assert letter_pdf(other_office) == letter_pdf(admin_office)
    # The admin's own device pulls its publication back: it has that text already, nothing changes.
    assert pull_templates(admin_office, fred) == 0
    assert admin_office.current(KIND).content_hash == content_hash(source)
    # Publishing the same text again (a retried request) is accepted and adds nothing.
    assert publish_template(fred, KIND, source) == 2
    assert len(server_versions(server)) == 1


def test_a_consultant_may_not_publish_and_nothing_changes(server, tmp_path, shipped):
    anna = server.client("anna")
    answer = raw_put(anna, f"/api/v1/templates/{KIND}", {"source": version_of(shipped, 5, "Van een consulent.")})
    assert answer.status_code == 403
    assert answer.json()["message"] == "Alleen de functioneel beheerder mag sjablonen publiceren."
    with pytest.raises(TemplatePublishError, match="Alleen de functioneel beheerder"):
        publish_template(anna, KIND, version_of(shipped, 5))
    answer = raw_put(anna, "/api/v1/template-documents/opmaak", {"content": {"window_top_mm": 60}})
    assert answer.status_code == 403
    assert server_versions(server) == []
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(template_documents)).scalar_one() == 0
    assert audit_results(server, "template_publish") == ["denied", "denied"]
    assert audit_results(server, "template_document") == ["denied"]
    office = profile(tmp_path, "b")
    assert pull_templates(office, anna) == 0
    assert office.current(KIND).version == 1


def test_an_unknown_merge_field_is_refused_with_its_name(server, shipped):
    fred = server.client("fred")
    source = version_of(shipped, 2, "Groet aan {{ leerling.naam }}.")
    answer = raw_put(fred, f"/api/v1/templates/{KIND}", {"source": source})
    assert answer.status_code == 422
    body = answer.json()
    assert body["error"] == "unknown_field" and body["field"] == "leerling.naam"
    assert "onbekend samenvoegveld 'leerling.naam'" in body["message"] and KIND in body["message"]
    # The editor's path: checked on the device first with the same parser, the same message with its line.
    with pytest.raises(TemplatePublishError) as refused:
        publish_template(fred, KIND, source)
    assert "onbekend samenvoegveld 'leerling.naam'" in refused.value.message
    # A template sent under another kind's name is refused too.
    answer = raw_put(fred, "/api/v1/templates/melding_svb", {"source": version_of(shipped, 2)})
    assert answer.status_code == 422 and answer.json()["error"] == "kind_mismatch"
    assert server_versions(server) == []
    assert audit_results(server, "template_publish") == ["unknown_field", "kind_mismatch"]


def test_a_version_that_is_not_higher_is_refused(server, shipped):
    fred = server.client("fred")
    three = version_of(shipped, 3, "Versie drie.")
    assert publish_template(fred, KIND, three) == 3
    for version, extra in ((2, "Versie twee."), (3, "Een andere versie drie.")):
        answer = raw_put(fred, f"/api/v1/templates/{KIND}", {"source": version_of(shipped, version, extra)})
        assert answer.status_code == 409
        assert answer.json()["error"] == "version_not_higher" and answer.json()["current_version"] == 3
        assert f"versie {version} is niet hoger dan versie 3 op de server" in answer.json()["message"]
    with pytest.raises(TemplatePublishError, match="de server heeft al versie 3; versie 2 is niet hoger"):
        publish_template(fred, KIND, version_of(shipped, 2, "Versie twee."))
    assert server_versions(server) == [(KIND, 3, content_hash(three))]


def test_pull_is_incremental(server, tmp_path, shipped):
    fred, anna = server.client("fred"), server.client("anna")
    office = profile(tmp_path, "b")
    publish_template(fred, KIND, version_of(shipped, 2, "Twee."))
    layout = {"window_left_mm": 25.0, "window_top_mm": 52.0, "sender": {"address_lines": ["Postbus 1"]}}
    publish_document(fred, "opmaak", layout)

    first = pull_templates_result(office, anna)
    assert first.installed == [f"{KIND} v2"] and first.documents == ["opmaak"]
    assert load_layout(office.layout_path).window_top_mm == 52.0
    cursor = read_cursor(office, anna.base_url)
    assert cursor == first.revision > 0

    # Nothing new: the server sends nothing but the revision, and nothing in the profile is written.
    assert anna._request("GET", "/api/v1/templates", params={"since": cursor}) == {
        "templates": [], "documents": [], "revision": cursor}
    folder = tmp_path / "b" / "sjablonen"
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    assert pull_templates(office, anna) == 0
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before

    # Something new: only that travels.
    publish_template(fred, KIND, version_of(shipped, 3, "Drie."))
    answer = anna._request("GET", "/api/v1/templates", params={"since": cursor})
    assert [(t["kind"], t["version"]) for t in answer["templates"]] == [(KIND, 3)] and answer["documents"] == []
    assert pull_templates(office, anna) == 1
    assert office.current(KIND).version == 3


def test_an_old_letter_regenerates_exactly_after_a_newer_version_arrives(server, tmp_path, shipped):
    fred, anna = server.client("fred"), server.client("anna")
    office = profile(tmp_path, "b")
    two = version_of(shipped, 2, "Tekst van versie twee.")
    publish_template(fred, KIND, two)
    pull_templates(office, anna)
    letter = generate_letter(KIND, sample_context(KIND), settings=SETTINGS, store=office)
    assert json.loads(letter.record.merge_data)["templates"][KIND]["version"] == 2

    publish_template(fred, KIND, version_of(shipped, 3, "Tekst van versie drie."))
    assert pull_templates(office, anna) == 1
    assert office.current(KIND).version == 3
    assert letter_pdf(office) != letter.pdf
    assert regenerate(letter.record.merge_data, store=office) == letter.pdf

    # An office that joins later receives every version, so it can make the same letter again too.
    late = profile(tmp_path, "c")
    result = pull_templates_result(late, server.client("bram"))
    assert result.installed == [f"{KIND} v3"] and result.archived == [f"{KIND} v2"]
    assert regenerate(letter.record.merge_data, store=late) == letter.pdf


def test_the_published_text_wins_over_an_unpublished_edit_with_the_same_version(server, tmp_path, shipped):
    fred, anna = server.client("fred"), server.client("anna")
    office = profile(tmp_path, "b")
    draft = version_of(shipped, 2, "Een lokale aanpassing die nooit is gepubliceerd.")
    office.install(draft)
    published = version_of(shipped, 2, "De tekst van de regio.")
    publish_template(fred, KIND, published)
    assert pull_templates(office, anna) == 1
    assert office.current(KIND).content_hash == content_hash(published)
    # The local edit stays findable: a letter made with it can still be made again.
    assert office.find(KIND, 2, content_hash(draft)).source == draft


def test_organisations_document_and_its_checks(server, tmp_path):
    fred, anna = server.client("fred"), server.client("anna")
    raad = {"melding_raad": {"name_lines": ["Raad voor de Kinderbescherming", "Regio Dordrecht"],
                             "address": {"street": "Postbus 7", "postal_code": "3300 AA", "city": "Dordrecht"},
                             "salutation": "heer, mevrouw", "description": "Raad voor de Kinderbescherming"}}
    publish_document(fred, "organisaties", raad)
    # The same content again makes no new revision.
    revision = publish_document(fred, "organisaties", raad)
    assert publish_document(fred, "organisaties", raad) == revision
    bad = raw_put(fred, "/api/v1/template-documents/opmaak", {"content": {"window_top_mm": 10}})
    assert bad.status_code == 422 and "adresvenster" in bad.json()["message"]
    assert raw_put(fred, "/api/v1/template-documents/iets", {"content": {}}).status_code == 404
    office = profile(tmp_path, "b")
    assert pull_templates(office, anna) == 1
    assert json.loads((tmp_path / "b" / "sjablonen" / "organisaties.json").read_text(encoding="utf-8")) == raad
    assert not (tmp_path / "b" / "sjablonen" / "opmaak.json").exists()


def test_template_body_is_limited(server):
    fred = server.client("fred")
    answer = raw_put(fred, f"/api/v1/templates/{KIND}", {"source": "x" * 300_000})
    assert answer.status_code == 413
    assert server_versions(server) == []


def test_migration_creates_the_tables_as_declared(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{tmp_path}/m.sqlite3")
    upgrade(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
        counter = conn.exec_driver_sql("SELECT value FROM counters WHERE name = 'template_revision'").scalar_one()
    mine = [d for d in differences if "template" in repr(d)]
    assert mine == [] and counter == 0
    engine.dispose()


def test_two_administrators_publishing_the_same_version_at_once_get_one_version(server, shipped):
    from concurrent.futures import ThreadPoolExecutor

    server.add_user("gerda", "system_administrator", [])
    clients = [server.client("fred"), server.client("gerda")]
    texts = [version_of(shipped, 2, f"Tekst van kantoor {n}.") for n in (1, 2)]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda pair: raw_put(pair[0], f"/api/v1/templates/{KIND}", {"source": pair[1]}),
                                zip(clients, texts, strict=True)))
    assert sorted(a.status_code for a in answers) == [200, 409]
    winner = texts[[a.status_code for a in answers].index(200)]
    assert server_versions(server) == [(KIND, 2, content_hash(winner))]


def test_a_published_layout_keeps_this_offices_address_window(server, tmp_path):
    fred, anna = server.client("fred"), server.client("anna")
    office = profile(tmp_path, "c")
    office.local_dir.mkdir(parents=True, exist_ok=True)
    office.layout_path.write_text(
        '{"window_left_mm": 120.0, "window_top_mm": 45.0, "window_width_mm": 80.0, "window_height_mm": 30.0}',
        encoding="utf-8",
    )
    published = {"window_left_mm": 22.0, "window_top_mm": 50.0,
                 "sender": {"organisation": "Leerplicht ZHZ", "address_lines": ["Postbus 1"]}}
    publish_document(fred, "opmaak", published)
    assert pull_templates_result(office, anna).documents == ["opmaak"]
    layout = load_layout(office.layout_path)
    assert (layout.window_left_mm, layout.window_top_mm, layout.window_width_mm) == (120.0, 45.0, 80.0)
    assert layout.sender.organisation == "Leerplicht ZHZ"
