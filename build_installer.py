#!/usr/bin/env python3
"""Builds Vangnet's installable bundle with PyInstaller and smoke-tests it.

    .venv/bin/python build_installer.py            build, smoke-test, package (.tar.gz, .deb on Debian)
    .venv/bin/python build_installer.py --smoke-test-only   test an existing dist/Vangnet

The bundle is one folder (dist/Vangnet) with two programs, `vangnet` and `vangnet-server`. After the
build the bundle's own `--smoke-test` runs offscreen on a fresh demo profile and on a profile of the
previous schema version (which must be migrated after a backup); the build fails when either does not
exit 0. On Windows the folder is wrapped by Inno Setup with installer/windows/vangnet.iss.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SPEC = ROOT / "installer" / "vangnet.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "Vangnet"
SMOKE_PASSPHRASE = "rookproef met vangnet"  # noqa: S105 - a throw-away test profile
SIZE_TARGET_MB = 250
START_TARGET_S = 3.0
SMOKE_RUNS = 3


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[build] MISLUKT: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def project_version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def write_build_info() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "onbekend"
    info = {
        "version": project_version(),
        "commit": commit,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "platform": f"{platform.system()} {platform.machine()}",
    }
    (WORK / "build-info.json").write_text(json.dumps(info, indent=2), "utf-8")


def run_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        fail("PyInstaller ontbreekt: installeer met `.venv/bin/pip install -e '.[build]'`.")
    write_build_info()
    say("PyInstaller draait (dit duurt een paar minuten) ...")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
         "--distpath", str(DIST), "--workpath", str(WORK), "--log-level", "WARN"],
        cwd=ROOT, check=True, env={**os.environ, "VANGNET_BUILD_INFO": str(WORK / "build-info.json")},
    )
    if os.name != "nt":
        from installer.bundle import LINKED_EXECUTABLES

        for link, target in LINKED_EXECUTABLES.items():
            (BUNDLE / link).unlink(missing_ok=True)
            (BUNDLE / link).symlink_to(target)
    say(f"bundel gebouwd in {time.perf_counter() - started:.0f} s")


def executable(name: str) -> Path:
    suffix = ".exe" if os.name == "nt" else ""
    return BUNDLE / f"{name}{suffix}"


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1_000_000


def bundle_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "VANGNET_PASSPHRASE": SMOKE_PASSPHRASE,
        "VANGNET_NO_CRASH_DIALOG": "1",
        "VANGNET_DATA_DIR": str(data_dir),
    })
    return env


def run_bundle(args: list[str], data_dir: Path, timeout: float = 300) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(
        [str(executable("vangnet")), *args], env=bundle_env(data_dir), capture_output=True, text=True,
        timeout=timeout, check=False,
    )
    return time.perf_counter() - started, result


def make_previous_schema_profile(data_dir: Path) -> str:
    """A profile at the schema version before the newest, made with the source tree (as an older build would)."""
    sys.path.insert(0, str(ROOT))
    from alembic.script import ScriptDirectory

    from desktop.models.keyfile import KdfParams
    from desktop.models.migrate import alembic_config, upgrade
    from desktop.models.store import Profile

    scripts = ScriptDirectory.from_config(alembic_config())
    previous = scripts.get_revision(scripts.get_current_head()).down_revision
    store = Profile(data_dir).create(SMOKE_PASSPHRASE, kdf=KdfParams.minimum(), migrate=False)
    try:
        upgrade(store, backup_first=False, target=previous)
    finally:
        store.close()
    return previous


def smoke_test() -> None:
    if not executable("vangnet").exists():
        fail(f"geen bundel gevonden in {BUNDLE}")
    with tempfile.TemporaryDirectory(prefix="vangnet-rookproef-") as folder:
        fresh = Path(folder) / "nieuw"
        seconds, result = run_bundle(["--version"], fresh, timeout=60)
        if result.returncode != 0:
            fail(f"`vangnet --version` gaf {result.returncode}: {result.stderr.strip()[-500:]}")
        say(f"versie: {result.stdout.strip()}")
        seconds, result = run_bundle(["demo", "--persons", "300", "--seed", "1"], fresh)
        if result.returncode != 0:
            fail(f"demoprofiel maken mislukte: {result.stderr.strip()[-800:]}")
        say(f"demoprofiel gemaakt in {seconds:.1f} s")
        # The first start after unpacking warms the file cache; the second one is what a user sees.
        run_bundle(["--smoke-test"], fresh, timeout=120)
        starts = []
        for _ in range(SMOKE_RUNS):
            seconds, result = run_bundle(["--smoke-test"], fresh, timeout=120)
            if result.returncode != 0:
                fail(f"rookproef mislukte ({result.returncode}): {result.stderr.strip()[-800:]}")
            starts.append(seconds)
        # The median of a few starts: one start on a busy machine says little.
        start_seconds = statistics.median(starts)
        say(f"rookproef op een nieuw demoprofiel: exit 0, mediaan van {SMOKE_RUNS} starts {start_seconds:.2f} s "
            f"(doel ≤ {START_TARGET_S:g} s)")

        older = Path(folder) / "ouder"
        previous = make_previous_schema_profile(older)
        seconds, result = run_bundle(["--smoke-test"], older, timeout=120)
        if result.returncode != 0:
            fail(f"profiel van schemaversie {previous} opende niet: {result.stderr.strip()[-800:]}")
        backups = list((older / "backups").glob("vangnet-*.db"))
        if not backups:
            fail("de migratie van een ouder profiel maakte geen back-up")
        say(f"profiel van schemaversie {previous} gemigreerd na een back-up en geopend in {seconds:.2f} s")

        server = subprocess.run(
            [str(executable("vangnet-server")), "--help"], env=bundle_env(fresh), capture_output=True, text=True,
            timeout=60, check=False,
        )
        if server.returncode != 0:
            fail(f"`vangnet-server --help` gaf {server.returncode}: {server.stderr.strip()[-500:]}")
        say("vangnet-server start vanuit de bundel")
    size = folder_size_mb(BUNDLE)
    say(f"grootte van de bundel: {size:.0f} MB (doel ≤ {SIZE_TARGET_MB} MB)")
    say(f"starttijd rookproef: {start_seconds:.2f} s (doel ≤ {START_TARGET_S:g} s)")


def package_linux() -> list[Path]:
    version = project_version()
    machine = platform.machine()
    made = []
    archive = DIST / f"vangnet-{version}-linux-{machine}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(BUNDLE, arcname=f"vangnet-{version}")
    made.append(archive)
    if shutil.which("dpkg-deb"):
        made.append(build_deb(version, machine))
    return made


def build_deb(version: str, machine: str) -> Path:
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)
    root = ROOT / "build" / "deb"
    shutil.rmtree(root, ignore_errors=True)
    target = root / "opt" / "vangnet"
    shutil.copytree(BUNDLE, target, symlinks=True)
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        f"Package: vangnet\nVersion: {version}\nArchitecture: {arch}\nMaintainer: Vangnet <beheer@vangnet.invalid>\n"
        "Section: misc\nPriority: optional\nDescription: Casemanagement voor leerplicht en voortijdig schoolverlaten\n"
        " Vangnet voor leerplichtconsulenten, doorstroomcoaches en administratie.\n",
        "utf-8",
    )
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("vangnet", "vangnet-server"):
        (bin_dir / name).symlink_to(f"/opt/vangnet/{name}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "vangnet.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Vangnet\nComment=Leerplicht en voortijdig schoolverlaten\n"
        "Exec=/opt/vangnet/vangnet gui\nTerminal=false\nCategories=Office;\n",
        "utf-8",
    )
    deb = DIST / f"vangnet_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(root), str(deb)], check=True,
                   capture_output=True)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw en test de installeerbare bundel van Vangnet.")
    parser.add_argument("--smoke-test-only", action="store_true", help="test een bestaande dist/Vangnet")
    parser.add_argument("--no-package", action="store_true", help="geen .tar.gz/.deb maken")
    args = parser.parse_args(argv)
    if not args.smoke_test_only:
        run_pyinstaller()
    smoke_test()
    if not args.no_package and sys.platform.startswith("linux"):
        for path in package_linux():
            say(f"pakket: {path.relative_to(ROOT)} ({path.stat().st_size / 1_000_000:.0f} MB)")
    elif sys.platform == "win32":
        say("Windows: maak de installer met Inno Setup: iscc installer\\windows\\vangnet.iss")
    say("klaar")
    return 0


if __name__ == "__main__":
    sys.exit(main())
