"""Region data and device numbers through a real server: every device prints the region's addresses, and two
devices that work offline never print the same 'Ons kenmerk'."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.documents.from_database import device_number, reserve_references
from desktop.documents.letters import generate_letter
from desktop.documents.samples import sample_context
from desktop.documents.templates import TemplateStore
from desktop.models.keyfile import KdfParams
from desktop.models.region import REGION_DOCUMENT, document_hash, load_region, profile_region
from desktop.models.store import Profile
from sync.client import SyncError
from sync.region_sync import ensure_device_number, pull_region
from sync.server.routes.region import REGION_FILE_ENV

PASSPHRASE = "een lange zin als wachtwoord"


def _profile(tmp_path, name):
    return Profile(tmp_path / name).create(PASSPHRASE, kdf=KdfParams.minimum())


def test_every_device_receives_the_region_and_prints_its_addresses(server, tmp_path, monkeypatch):
    office = TemplateStore.for_profile(tmp_path / "kantoor")
    anna = server.client("anna")
    assert pull_region(office, anna) is True
    kept = office.local_dir / REGION_DOCUMENT
    assert profile_region(office.local_dir) == load_region()
    # Nothing new: the file stays as it is.
    assert pull_region(office, anna) is False

    # The server's own region file (an address corrected without a new release) reaches the device.
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["office"]["phone"] = "078 123 45 67"
    data["municipalities"][1]["college_postal_address"] = ["Postbus 99", "3300 AA Dordrecht"]
    corrected = tmp_path / "regio-server.json"
    corrected.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv(REGION_FILE_ENV, str(corrected))
    assert pull_region(office, server.client("cora")) is True
    letter = generate_letter("besluit_verlof_afgewezen", sample_context("besluit_verlof_afgewezen"), store=office)
    merged = json.loads(letter.record.merge_data)
    assert merged["fields"]["objection.address"] == "Postbus 99, 3300 AA Dordrecht"
    assert merged["layout"]["sender"]["phone"] == "078 123 45 67"


def test_a_damaged_region_document_is_refused_and_the_old_copy_stays(server, tmp_path, monkeypatch):
    office = TemplateStore.for_profile(tmp_path / "kantoor")
    anna = server.client("anna")
    pull_region(office, anna)
    before = (office.local_dir / REGION_DOCUMENT).read_text(encoding="utf-8")
    real = anna._request

    def tampered(method, path, **kwargs):
        answer = real(method, path, **kwargs)
        if path.endswith("/region"):
            answer["region"]["office"]["phone"] = "0900 NEP"
        return answer

    monkeypatch.setattr(anna, "_request", tampered)
    with pytest.raises(SyncError) as refused:
        pull_region(office, anna)
    assert refused.value.code == "region_damaged"
    assert (office.local_dir / REGION_DOCUMENT).read_text(encoding="utf-8") == before


def test_each_device_gets_its_own_number_and_keeps_it(server, tmp_path):
    first, second = _profile(tmp_path, "een"), _profile(tmp_path, "twee")
    try:
        # anna works on two laptops: each is a device of its own, with a number of its own.
        one = ensure_device_number(first.session, server.client("anna"))
        two = ensure_device_number(second.session, server.client("anna"))
        assert {one, two} == {1, 2}
        # Asked again, the profile answers from what it kept; the server gives the same device the same number.
        assert ensure_device_number(first.session, server.client("bram")) == one
        with first.session() as session:
            assert device_number(session) == one
    finally:
        first.close()
        second.close()


def test_two_devices_offline_never_print_the_same_kenmerk(server, tmp_path):
    first, second = _profile(tmp_path, "een"), _profile(tmp_path, "twee")
    try:
        ensure_device_number(first.session, server.client("anna"))
        ensure_device_number(second.session, server.client("bram"))
        server.stop()  # from here on both work offline
        on = dt.date(2026, 3, 2)
        made: list[str] = []
        for _round in range(3):
            for store in (first, second):
                with store.session() as session:
                    made += reserve_references(session, 4, on)
        assert len(made) == len(set(made)) == 24
        assert all(reference.startswith("2026-") for reference in made)
    finally:
        first.close()
        second.close()


def test_the_region_document_hash_is_the_same_on_both_sides(server):
    answer = server.client("dirk")._request("GET", "/api/v1/region")
    assert answer["sha256"] == document_hash(answer["region"])
    assert {m["name"] for m in answer["region"]["municipalities"]} >= {"Dordrecht", "Gorinchem", "Hoeksche Waard"}
