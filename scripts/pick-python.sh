#!/usr/bin/env bash
# Prints the Python interpreter to build .venv with.
#
# The distribution's own /usr/bin/python3 comes first when it is 3.11 or newer and can make a virtualenv:
# Debian and Ubuntu build it with profile-guided optimisation and link it statically, and it runs the app's
# Python ~20 % faster than an interpreter built with --enable-shared and without --enable-optimizations
# (pyenv's default build), which is what `python3` often is on a developer's machine; see docs/PERFORMANCE.md,
# section 18. Otherwise the `python3` found first on PATH. `make PYTHON=/path/to/python` overrides both.
set -euo pipefail

usable() {  # 3.11 or newer, and able to put pip into a new virtualenv (Debian needs python3-venv for that)
  "$1" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && "$1" -m ensurepip --version >/dev/null 2>&1
}

if [ -x /usr/bin/python3 ] && usable /usr/bin/python3; then
  echo /usr/bin/python3
else
  command -v python3
fi
