#!/usr/bin/env bash
# Makes sure a Chromium for Playwright exists (Playwright's own browser download cannot reach
# its hosts here). Installs Debian's chromium package when missing and we may use apt.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium for the end-to-end tests (apt package chromium) ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  echo /usr/bin/chromium
  exit 0
fi
echo "Chromium not found: install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH" >&2
exit 1
