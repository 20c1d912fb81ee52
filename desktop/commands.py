"""Sub-commands of `vangnet` that belong to a feature, registered in one place so the CLI stays small."""

from __future__ import annotations

import importlib
from collections.abc import Callable

# Each module exposes ``register(add)``; ``add(name, handler, help)`` returns the sub-parser.
FEATURE_COMMANDS: tuple[str, ...] = (
    "desktop.models.signals",
    "desktop.documents.letters_cli",
    "desktop.privacy_commands",
    "desktop.models.importers.cli",
    "desktop.documents.cli",
    "desktop.sync_commands",
)


def register_commands(add: Callable) -> None:
    for module_name in FEATURE_COMMANDS:
        importlib.import_module(module_name).register(add)
