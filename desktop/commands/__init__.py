"""The sub-commands of `vangnet`: one module per topic, registered here so the entry point stays small.

The profile commands (`desktop.commands.profiles`) are always there; the feature commands below are
imported only when the command line names one of them or asks for the full list.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# Each module exposes ``register(add)``; ``add(name, handler, help)`` returns the sub-parser.
FEATURE_COMMANDS: tuple[str, ...] = (
    "desktop.commands.signals",
    "desktop.commands.letters",
    "desktop.commands.privacy",
    "desktop.commands.imports",
    "desktop.commands.statistics",
    "desktop.commands.sync",
)


def register_commands(add: Callable) -> None:
    for module_name in FEATURE_COMMANDS:
        importlib.import_module(module_name).register(add)
