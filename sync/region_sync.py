"""Region data and the device number from the sync server.

The region document (the service's office, each gemeente's college with its addresses for bezwaarschriften,
the rechtbank) is kept beside the letter templates as ``regio.json``: every letter printed afterwards uses it,
offline too. The device number, handed out once by the server, makes the 'Ons kenmerk' of every document this
device makes unique without asking the server at print time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy.orm import Session

from desktop.documents.from_database import device_number, set_device_number
from desktop.documents.templates import TemplateError, TemplateStore
from desktop.fileio import atomic_write_bytes
from desktop.models.errors import DomainError
from desktop.models.region import REGION_DOCUMENT, document_hash, region_from_data
from sync.client import SyncClient, SyncError


def pull_region(store: TemplateStore, client: SyncClient) -> bool:
    """Fetch the region document and keep it in the profile's template folder; True when it changed.

    A damaged or unusable document is refused (SyncError) and the copy the device had stays in use.
    """
    if store.local_dir is None:
        raise TemplateError("Er is geen map ingesteld voor aangepaste sjablonen.")
    answer = client._request("GET", "/api/v1/region")
    data = answer.get("region") if isinstance(answer, dict) else None
    if not isinstance(data, dict) or document_hash(data) != answer.get("sha256"):
        raise SyncError("De regiogegevens kwamen beschadigd binnen; ze worden opnieuw opgehaald.", "region_damaged")
    try:
        region_from_data(data)
    except DomainError as exc:
        raise SyncError(f"De regiogegevens van de server zijn niet bruikbaar: {exc}", "region_invalid") from None
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    path = store.local_dir / REGION_DOCUMENT
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text.encode("utf-8"))
    return True


def ensure_device_number(session_factory: Callable[[], AbstractContextManager[Session]], client: SyncClient) -> int:
    """This device's number for its kenmerken: asked of the server once, then kept in the profile."""
    with session_factory() as session:
        known = device_number(session)
    if known:
        return known
    answer: Any = client._request("POST", "/api/v1/device-number", body={})
    number = answer.get("number") if isinstance(answer, dict) else None
    if not isinstance(number, int) or isinstance(number, bool):
        raise SyncError("De server gaf geen bruikbaar apparaatnummer.", "device_number_invalid")
    with session_factory() as session:
        set_device_number(session, number)
    return number
