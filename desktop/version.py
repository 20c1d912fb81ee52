"""Version and build information, shown by `vangnet --version` and in 'Over Vangnet'."""

from __future__ import annotations

import json
import platform

from desktop.paths import resource_path


def version() -> str:
    from importlib import metadata  # imported when asked: it costs start-up time

    try:
        return metadata.version("vangnet")
    except metadata.PackageNotFoundError:
        return "0+onbekend"


def build_info() -> dict[str, str]:
    """What the installer recorded about the build (commit, date), or nothing from a checkout."""
    path = resource_path("build-info.json")
    try:
        return json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def version_text() -> str:
    info = build_info()
    build = f", build {info['commit']} van {info['date']}" if info.get("commit") else ""
    return f"Vangnet {version()}{build} (Python {platform.python_version()})"
