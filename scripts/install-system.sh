#!/bin/sh
# System packages the test suite needs beyond PyPI: Debian's chromium for the dashboard's browser tests
# (driven by Playwright with executable_path; `playwright install` is never used, it downloads a browser).
# Idempotent: does nothing when chromium is already there.
set -eu

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-system: chromium is missing and this is not root." >&2
    echo "  Install it yourself (Debian/Ubuntu: sudo apt-get install -y chromium), then run the tests again." >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system: chromium is missing and apt-get is not available; install chromium with your" >&2
    echo "  system's package manager (the browser tests drive /usr/bin/chromium)." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "install-system: chromium installed at $(command -v chromium)"
