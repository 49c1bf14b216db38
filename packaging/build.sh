#!/usr/bin/env bash
# Build the RenoDesk desktop bundle with PyInstaller and smoke-test it.
#
#   bash packaging/build.sh                 build dist/RenoDesk (one folder) and smoke-test it
#   bash packaging/build.sh --dist D --work W   build into other folders (the CI test uses tmp dirs)
#   bash packaging/build.sh --smoke-only    only smoke-test an existing bundle in the dist folder
#
# Python: the project venv (.venv, or $RENODESK_VENV) when it exists, else a build venv in
# build/venv made with python3 (3.11+) and `pip install .` - never the system Python.
# Runs on Linux, macOS and Windows (Git Bash). Windows installer: packaging/windows/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
SMOKE_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --smoke-only) SMOKE_ONLY=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

fail() { echo "build.sh: FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) PLATFORM=windows; BIN_DIR=Scripts; EXE=".exe" ;;
  Darwin) PLATFORM=macos; BIN_DIR=bin; EXE="" ;;
  *) PLATFORM=linux; BIN_DIR=bin; EXE="" ;;
esac

python_env() {
  local venv="${RENODESK_VENV:-$ROOT/.venv}"
  if [ -x "$venv/$BIN_DIR/python$EXE" ]; then
    PY="$venv/$BIN_DIR/python$EXE"
    return
  fi
  venv="$ROOT/build/venv"
  if [ ! -x "$venv/$BIN_DIR/python$EXE" ]; then
    step "creating the build venv in $venv"
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
      || fail "RenoDesk needs Python 3.11 or newer"
    python3 -m venv "$venv"
    "$venv/$BIN_DIR/python$EXE" -m pip install -q --upgrade pip
  fi
  PY="$venv/$BIN_DIR/python$EXE"
  "$PY" -m pip install -q "$ROOT"
}

build() {
  python_env
  "$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install -q "pyinstaller>=6"
  local ts stale=0
  for ts in resources/i18n/*.ts; do [ "${ts%.ts}.qm" -nt "$ts" ] || stale=1; done
  if [ "$stale" = 1 ]; then
    step "translations (.ts -> .qm)"
    "$PY" -m renodesk.ui.i18n_build >/dev/null || fail "building the .qm translations"
  fi
  step "PyInstaller ($("$PY" -m PyInstaller --version)) -> $DIST/RenoDesk"
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/renodesk.spec \
    || fail "PyInstaller did not build the bundle (see the messages above)"
}

program() {
  case "$PLATFORM" in
    windows) echo "$DIST/RenoDesk/renodesk-cli.exe" ;;
    macos) echo "$DIST/RenoDesk.app/Contents/MacOS/RenoDesk" ;;
    *) echo "$DIST/RenoDesk/renodesk" ;;
  esac
}

smoke() {
  local bin out expected backend
  bin="$(program)"
  [ -x "$bin" ] || fail "no program at $bin: build first"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # Never the real keyring of whoever builds: the workspace key comes from the passphrase.
  export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
  export RENODESK_PASSPHRASE="smoke-test passphrase (not secret)"
  unset RENODESK_DATA_DIR

  step "smoke: --version"
  expected="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml")"
  out="$("$bin" --version 2>&1)" || fail "'renodesk --version' exited with an error: $out"
  [ "$out" = "RenoDesk $expected" ] \
    || fail "'renodesk --version' said '$out', expected 'RenoDesk $expected' (metadata missing?)"
  echo "$out"

  step "smoke: init + check in a new workspace"
  out="$("$bin" --data-dir "$tmp/ws" init --organisation "Woonstichting Smoke (fictief)" \
    --coach "Test Coach" 2>&1)" || fail "'renodesk init' failed: $out"
  out="$("$bin" --data-dir "$tmp/ws" check 2>&1)" || fail "'renodesk check' failed: $out"
  echo "$out"
  echo "$out" | grep -q "cipher_integrity_check: ok" || fail "SQLCipher check not ok: $out"

  step "smoke: a team in a shared folder, one sync, the server status"
  mkdir -p "$tmp/shared"
  export RENODESK_TEAM_PASSPHRASE="smoke-test team passphrase (not secret)"
  out="$("$bin" --data-dir "$tmp/ws" team create --folder "$tmp/shared" --name smoke 2>&1)" \
    || fail "'renodesk team create' failed: $out"
  out="$("$bin" --data-dir "$tmp/ws" sync 2>&1)" || fail "'renodesk sync' failed: $out"
  echo "$out"
  ls "$tmp"/shared/renodesk/smoke/devices/*/*.rdc >/dev/null 2>&1 \
    || fail "'renodesk sync' wrote no changeset into the shared folder: $out"
  out="$("$bin" --data-dir "$tmp/ws" server status 2>&1)" \
    || fail "'renodesk server status' failed: $out"

  step "smoke: the OS keyring backend is bundled"
  case "$PLATFORM" in
    windows) backend=keyring.backends.Windows.WinVaultKeyring ;;
    macos) backend=keyring.backends.macOS.Keyring ;;
    *) backend=keyring.backends.SecretService.Keyring ;;
  esac
  # Loaded by name, as keyring does from its entry points. Without a D-Bus session (CI) the
  # Secret Service backend loads but cannot start: that still proves it is in the bundle.
  out="$(PYTHON_KEYRING_BACKEND=$backend "$bin" --data-dir "$tmp/ws" info 2>&1)" || true
  if echo "$out" | grep -q -e "No module named" -e "ModuleNotFoundError"; then
    fail "keyring backend $backend is not in the bundle: $out"
  fi
  echo "$out" | grep -q -e "keyring: *$backend" -e "Unable to initialize SecretService" \
    || fail "keyring backend $backend did not load: $out"
  echo "keyring backend $backend: present"

  step "smoke: the window opens the demo workspace and closes"
  [ -n "$(ls "$(dirname "$bin")"/_internal/resources/i18n/*.qm 2>/dev/null \
      || ls "$DIST"/RenoDesk.app/Contents/Resources/resources/i18n/*.qm 2>/dev/null)" ] \
    || fail "no .qm translations in the bundle"
  [ -f "$(dirname "$bin")/_internal/licenses/LGPL-3.0.txt" ] \
    || [ -f "$DIST/RenoDesk.app/Contents/Resources/licenses/LGPL-3.0.txt" ] \
    || fail "no licence texts in the bundle (Help > About points to them)"
  local gui="$bin"
  [ "$PLATFORM" = windows ] && gui="$DIST/RenoDesk/RenoDesk.exe"
  out="$(QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" RENODESK_QUIT_AFTER_MS=1500 \
    "$gui" --data-dir "$tmp/demo" --demo 2>&1)" \
    || fail "the window did not open the demo workspace (exit $?): $out"
  [ -f "$tmp/demo/workspace.db" ] || fail "the demo workspace was not created: $out"
  [ -f "$tmp/demo/window-state.ini" ] || fail "the window did not close cleanly: $out"
  echo "demo workspace opened and closed"

  step "smoke: letters (ReportLab, fonts, templates) and a project report (PDF, Excel)"
  out="$("$bin" --data-dir "$tmp/demo" export json "$tmp/demo.json" 2>&1)" \
    || fail "'renodesk export json' failed: $out"
  local project
  project="$(grep -o '"project_id": *"[^"]*"' "$tmp/demo.json" \
    | sed -n '1s/.*"\([^"]*\)"$/\1/p')"  # sed reads it all: no SIGPIPE under pipefail
  [ -n "$project" ] || fail "the demo workspace has no project"
  out="$("$bin" --data-dir "$tmp/demo" letters visit_report --project "$project" \
    --out "$tmp/letters.pdf" 2>&1)" || fail "'renodesk letters' failed: $out"
  echo "$out"
  for report in report.pdf report.xlsx; do
    out="$("$bin" --data-dir "$tmp/demo" report project "$project" --out "$tmp/$report" 2>&1)" \
      || fail "'renodesk report project --out $report' failed: $out"
  done
  [ "$(head -c 4 "$tmp/letters.pdf")" = "%PDF" ] || fail "letters.pdf is not a PDF"
  [ "$(head -c 4 "$tmp/report.pdf")" = "%PDF" ] || fail "report.pdf is not a PDF"
  [ "$(head -c 2 "$tmp/report.xlsx")" = "PK" ] || fail "report.xlsx is not an Excel file"
  echo "letters and reports made"
  step "smoke test passed: $DIST"
}

[ "$SMOKE_ONLY" = 1 ] || build
smoke
