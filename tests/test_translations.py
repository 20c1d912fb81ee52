"""Every tr() string of the windows is in the Dutch translation file, and the compiled file loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_translation_file_holds_every_string_of_the_windows():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_translation_loads(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "vangnet_nl.qm"))
    assert translator.translate("MainWindow", "Werkvoorraad") in ("Werkvoorraad", "")
