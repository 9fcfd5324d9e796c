#!/bin/sh
# Creates the virtual environment and installs Sorot with every pinned dependency.
# Called by `make install`; safe to run again.
set -eu
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    echo "Sorot needs Python 3.11 or newer; '$PYTHON' is $("$PYTHON" --version 2>&1)." >&2
    exit 1
}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# The pip that ships with some Pythons resolves trafilatura's extras wrongly: pin a current one first.
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-pip.lock
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
