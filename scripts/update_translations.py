"""Brings resources/translations/vangnet_nl.ts up to date with the windows' tr() strings and compiles it.

Vangnet's source strings are Dutch, so a new string is its own Dutch translation: entries lupdate adds as
unfinished are completed with their source text. Run after changing the windows:

    .venv/bin/python scripts/update_translations.py          update the .ts and compile the .qm
    .venv/bin/python scripts/update_translations.py --check  exit 1 when the .ts misses a string
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "vangnet_nl.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} niet gevonden; installeer PySide6 in de virtuele omgeving.")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "desktop" / "views").glob("*.py"))


def run_lupdate(target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-ts", str(target), "-target-language", "nl_NL", "-no-obsolete",
         "-locations", "none"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )


def complete_dutch(target: Path) -> int:
    """Give every unfinished entry its Dutch source text as translation; returns how many were completed."""
    tree = ET.parse(target)  # noqa: S314 - the project's own file, written by lupdate
    completed = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.find("source")
        if translation is None or source is None:
            continue
        if translation.get("type") == "unfinished":
            translation.attrib.pop("type")
            if not (translation.text or "").strip():
                translation.text = source.text
            completed += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return completed


def messages(path: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(path).iter("context")  # noqa: S314 - the project's own file
        for message in context.iter("message")
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="controleer alleen of het .ts-bestand bij is")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / TS.name
            run_lupdate(fresh)
            missing = messages(fresh) - messages(TS)
        for context, source in sorted(missing)[:20]:
            print(f"ontbreekt in {TS.name}: {context}: {source!r}")
        return 1 if missing else 0
    run_lupdate(TS)
    completed = complete_dutch(TS)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    print(f"{TS.name} bijgewerkt ({completed} nieuwe teksten), {QM.name} gecompileerd")
    return 0


if __name__ == "__main__":
    sys.exit(main())
