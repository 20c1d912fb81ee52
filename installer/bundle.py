"""What goes into the installable bundle: data folders, hidden imports and excluded Qt modules.

Shared by the PyInstaller spec and by the quick test that checks everything listed here resolves.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: (source folder relative to the checkout, destination folder in the bundle)
DATA_FOLDERS: tuple[tuple[str, str], ...] = (
    ("resources", "resources"),
    ("desktop/migrations", "desktop/migrations"),
    ("sync/server/migrations", "sync/server/migrations"),
)

#: Packages imported dynamically (migrations by file path, uvicorn's loops and protocols, plugins).
HIDDEN_IMPORT_PACKAGES: tuple[str, ...] = (
    "desktop",
    "sync",
    "alembic",
    "uvicorn",
    "sqlcipher3",
    "psycopg",
    "reportlab.graphics.barcode",
    "babel",
)

#: Qt modules Vangnet never uses: left out to keep the bundle small.
EXCLUDED_MODULES: tuple[str, ...] = (
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtSvgWidgets",
    "tkinter",
    "matplotlib",
    "numpy",
    "IPython",
    "pytest",
    "hypothesis",
    # Build tools: nothing imports them at run time, but their presence adds PyInstaller's pkg_resources
    # and setuptools run-time hooks, a third of a second at every start.
    "pkg_resources",
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pip",
)

#: Qt translations shipped: Qt's own Dutch strings for standard buttons and dialogs.
QT_TRANSLATIONS: tuple[str, ...] = ("qtbase_nl.qm",)

ENTRY_SCRIPT = ROOT / "installer" / "vangnet_entry.py"
#: Programs in the bundle. Where the file system has symbolic links, `vangnet-server` is a link to
#: `vangnet` (the entry point looks at the name it was started by); Windows gets two executables.
EXECUTABLES = ("vangnet", "vangnet-server")
LINKED_EXECUTABLES = {"vangnet-server": "vangnet"}

#: Babel's locale data kept (Dutch for the app and documents, English and root as fallbacks).
BABEL_LOCALES = ("root", "nl", "nl_NL", "nl_BE", "en", "en_001", "en_GB", "en_US")


def keep_data_file(destination: str) -> bool:
    """Leave out the parts of libraries' data Vangnet never loads (other languages)."""
    path = destination.replace("\\", "/")
    if path.startswith("babel/locale-data/") and path.endswith(".dat"):
        return path.rsplit("/", 1)[1][: -len(".dat")] in BABEL_LOCALES
    if path.startswith("PySide6/Qt/translations/"):
        return path.rsplit("/", 1)[1] in QT_TRANSLATIONS
    return True


def data_pairs() -> list[tuple[str, str]]:
    """(absolute source, destination) pairs for PyInstaller's ``datas``; fails loudly when one is missing."""
    pairs = []
    for source, destination in DATA_FOLDERS:
        path = ROOT / source
        if not path.is_dir():
            raise FileNotFoundError(f"Map voor de bundel ontbreekt: {source}")
        pairs.append((str(path), destination))
    return pairs


def qt_translation_pairs() -> list[tuple[str, str]]:
    import PySide6

    folder = Path(PySide6.__file__).parent / "Qt" / "translations"
    pairs = []
    for name in QT_TRANSLATIONS:
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"Qt-vertaling ontbreekt: {name}")
        pairs.append((str(path), "PySide6/Qt/translations"))
    return pairs
