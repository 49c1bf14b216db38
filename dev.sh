#!/usr/bin/env bash
# RenoDesk's two everyday commands, each doing its own set-up on a fresh machine:
#   bash dev.sh demo   - open the app on a generated, fictitious demo workspace
#   bash dev.sh test   - run the whole test suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
VENV="${RENODESK_VENV:-.venv}"

need_apt() {  # install Debian packages only when a command is missing
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Please install: $* (needed for '$cmd')" >&2
  fi
}

setup() {
  if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "RenoDesk needs Python 3.11 or newer" >&2; exit 1
  fi
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  local stamp
  stamp="$VENV/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -e ".[server,dev]"
    touch "$stamp"
  fi
  "$VENV/bin/python" -m renodesk.ui.i18n_build >/dev/null  # .ts -> .qm (never committed)
}

case "${1:-}" in
  demo)
    setup
    shift
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
      need_apt xvfb-run xvfb
      echo "No screen found: starting under a virtual screen (xvfb-run)." >&2
      exec xvfb-run -a "$VENV/bin/renodesk" --demo "$@"
    fi
    exec "$VENV/bin/renodesk" --demo "$@"
    ;;
  test)
    setup
    shift
    # PostgreSQL server binaries for the sync-server tests (they start their own cluster).
    if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
      need_apt initdb postgresql
    fi
    # Validators of the Linux desktop entry and AppStream metainfo (tests/packaging).
    need_apt desktop-file-validate desktop-file-utils
    need_apt appstreamcli appstream
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest -q -n 2 "$@"
    ;;
  *)
    echo "usage: bash dev.sh demo | bash dev.sh test" >&2
    exit 2
    ;;
esac
