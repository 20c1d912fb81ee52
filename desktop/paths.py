"""Where Vangnet finds its resources and keeps its profiles, from a checkout and from the frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Vangnet"
DATA_DIR_ENV = "VANGNET_DATA_DIR"


def _root() -> Path:
    # PyInstaller unpacks data next to the executable and says where in sys._MEIPASS.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return _root().joinpath("resources", *parts)


def migrations_path() -> Path:
    """Folder of the Alembic environment for the local database."""
    return _root().joinpath("desktop", "migrations")


def default_data_dir() -> Path:
    """The profile folder: ``--data-dir`` wins over ``VANGNET_DATA_DIR``, which wins over the user's data dir."""
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "profiel"
