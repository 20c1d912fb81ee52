# Sourced by ./run and ./test: a .venv with the project installed, refreshed when pyproject.toml changes.
set -euo pipefail

find_python() {
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Vangnet heeft Python 3.11 of nieuwer nodig; die is niet gevonden." >&2
    return 1
}

if [ ! -x .venv/bin/python ]; then
    python_bin=$(find_python)
    echo "Virtuele omgeving maken in .venv ..." >&2
    "$python_bin" -m venv .venv
fi

stamp=.venv/.vangnet-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Vangnet en zijn afhankelijkheden installeren ..." >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' >&2
    touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
