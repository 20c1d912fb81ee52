"""The installer's spec and everything it lists resolve (the full build is `build_installer.py`)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from installer import bundle

ROOT = Path(__file__).resolve().parent.parent


def test_data_folders_exist_and_hold_what_the_app_needs():
    pairs = dict((Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle.data_pairs())
    assert pairs["resources"] == "resources"
    assert (ROOT / "desktop/migrations/env.py").exists()
    assert list((ROOT / "desktop/migrations/versions").glob("0001_*.py"))
    assert (ROOT / "sync/server/migrations/env.py").exists()
    assert (ROOT / "resources/security/common-passphrases.txt").exists()


def test_qt_dutch_translation_is_found():
    ((source, destination),) = bundle.qt_translation_pairs()
    assert Path(source).name == "qtbase_nl.qm" and Path(source).stat().st_size > 0
    assert destination == "PySide6/Qt/translations"


def test_hidden_import_packages_import_and_excluded_qt_modules_are_unused():
    for package in bundle.HIDDEN_IMPORT_PACKAGES:
        importlib.import_module(package)
    used = set()
    for path in list((ROOT / "desktop").rglob("*.py")) + list((ROOT / "sync").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                used.add(node.module)
                used.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                used.update(alias.name for alias in node.names)
    assert not used & set(bundle.EXCLUDED_MODULES), "een uitgesloten module wordt wel gebruikt"


def test_spec_and_entry_point_are_valid_python():
    ast.parse((ROOT / "installer/vangnet.spec").read_text("utf-8"))
    assert bundle.ENTRY_SCRIPT.exists()
    ast.parse(bundle.ENTRY_SCRIPT.read_text("utf-8"))
    assert (ROOT / "installer/windows/vangnet.iss").read_text("utf-8").count("[Files]") == 1
