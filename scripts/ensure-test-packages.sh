#!/usr/bin/env bash
# Makes sure the Debian packages the tests use are installed: Chromium and
# Firefox ESR (browser tests), the English word lists and the fortunes corpus (precision of
# misspelling guesses). Test tools may not download anything here, so these
# come from the distribution.
set -euo pipefail
declare -A NEEDED=(
  [chromium]="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [firefox-esr]="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
  [wamerican]=/usr/share/dict/american-english
  [wbritish]=/usr/share/dict/british-english
  [fortunes]=/usr/share/games/fortunes/fortunes
)
missing=()
for package in "${!NEEDED[@]}"; do
  [ -e "${NEEDED[$package]}" ] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Missing test packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${missing[*]}..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
