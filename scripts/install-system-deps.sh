#!/usr/bin/env bash
# Installs the system packages the app needs, on Debian or Ubuntu, only those that are missing.
#   desktop: the libraries Qt needs to open windows, and the distribution's Python with venv (.venv is built
#            with it when it is 3.11 or newer: see pick-python.sh)
#   test:    the above, plus the PostgreSQL server and Xvfb for the test suite
set -euo pipefail

profile="${1:-desktop}"
desktop_packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libusb-1.0-0 python3-venv)
test_packages=(postgresql xvfb poppler-utils zbar-tools)

case "$profile" in
  desktop) wanted=("${desktop_packages[@]}") ;;
  test) wanted=("${desktop_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 desktop|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "Not a Debian-like system: make sure these are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
