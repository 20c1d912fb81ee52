"""The organisations that official reports are addressed to, and the file in which a region replaces them."""

from __future__ import annotations

from desktop.documents.context import Addressee, PostalAddress

# Where reports to organisations go. VERIFY: the regional intake addresses of the Raad voor de
# Kinderbescherming and the SVB office differ per region; a region replaces these through
# `ORGANISATION_FILE` next to its templates (see docs/templates.md).
ORGANISATIONS: dict[str, Addressee] = {
    "melding_raad": Addressee(
        name_lines=["Raad voor de Kinderbescherming", "t.a.v. het intakebureau"],
        address=PostalAddress("Postbus 1000", "3300 BA", "Dordrecht"),
        salutation="heer, mevrouw",
        description="Raad voor de Kinderbescherming",
    ),
    "melding_svb": Addressee(
        name_lines=["Sociale Verzekeringsbank", "afdeling Kinderbijslag"],
        address=PostalAddress("Postbus 1100", "1180 BH", "Amstelveen"),
        salutation="heer, mevrouw",
        description="Sociale Verzekeringsbank",
    ),
}
ORGANISATION_FILE = "organisaties.json"
