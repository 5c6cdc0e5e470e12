#!/usr/bin/env bash
# Makes sure a Prometheus server binary exists for the integration tests of
# plugins/aims-backend-module-prometheus (they start it on a loopback port). Installs Debian's
# prometheus package when missing and we may use apt. Prints the binary's path.
set -euo pipefail
for candidate in "${PROMETHEUS_PATH:-}" /usr/bin/prometheus "$(command -v prometheus || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Prometheus for the integration tests (apt package prometheus) ..." >&2
  # --no-install-recommends: the server binary only, no node exporter or web assets
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus) >&2
  echo /usr/bin/prometheus
  exit 0
fi
echo "Prometheus not found: install it (e.g. 'sudo apt-get install prometheus') or set PROMETHEUS_PATH" >&2
exit 1
