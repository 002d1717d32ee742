#!/usr/bin/env bash
# Checks (and, as root on Debian/Ubuntu, installs) the system packages the notebooks need.
#
#   bash scripts/system-deps.sh [--check | --install] [start | course | all]
#
#   start   Jupyter to run notebooks live (npm start): jupyter-notebook
#   course  headless execution + HTML export (npm run course): jupyter-nbconvert jupyter-client
#           libjs-requirejs libjs-mathjax (nbconvert's HTML links these local copies)
#   all     (default) both, plus Chromium for the browser tests (npm test)
#
# Idempotent: installs only what is missing. Without root/apt-get it prints one line saying how
# to install and exits 1. --check never installs. Exits 0 when everything is present.
set -euo pipefail

mode=install
target=all
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --install) mode=install ;;
    start|course|all) target="$arg" ;;
    *) echo "system-deps.sh: unknown argument $arg (use --check|--install and start|course|all)" >&2; exit 2 ;;
  esac
done

py_has() { # python that runs `jupyter` (or Debian's) can import the given modules
  local py
  for py in "$(command -v jupyter >/dev/null 2>&1 && head -1 "$(command -v jupyter)" | sed -n 's/^#!\([^ ]*\).*/\1/p')" python3 /usr/bin/python3; do
    [ -n "$py" ] && command -v "$py" >/dev/null 2>&1 && "$py" -c "import $1" >/dev/null 2>&1 && return 0
  done
  return 1
}

missing=()
need() { missing+=("$1"); }

if [ "$target" = start ] || [ "$target" = all ]; then
  if ! { command -v jupyter >/dev/null 2>&1 && { jupyter lab --version >/dev/null 2>&1 || jupyter notebook --version >/dev/null 2>&1; }; }; then
    need jupyter-notebook
  fi
fi
if [ "$target" = course ] || [ "$target" = all ]; then
  py_has "nbclient, nbconvert, nbformat, jupyter_client" || { need jupyter-nbconvert; need jupyter-client; }
  [ -f /usr/share/javascript/requirejs/require.min.js ] || ! command -v apt-get >/dev/null 2>&1 || need libjs-requirejs
  [ -f /usr/share/javascript/mathjax/MathJax.js ] || ! command -v apt-get >/dev/null 2>&1 || need libjs-mathjax
fi
if [ "$target" = all ]; then
  [ -x /usr/bin/chromium ] || need chromium
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: ok ($target)"
  exit 0
fi

if [ "$mode" = install ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  exit 0
fi

echo "system-deps: missing ${missing[*]}: install with \`sudo apt-get install -y ${missing[*]}\` (Debian/Ubuntu) or \`pip install jupyterlab nbconvert\` (Chromium for the browser tests: your distribution's chromium package)" >&2
exit 1
