#!/usr/bin/env bash
# Install what the browser test needs: Debian's chromium and a CJK font.
# Idempotent and quick when both are present; never asks questions (no stdin in CI).
# Exit 0 when the browser is there afterwards, or when it cannot be installed here
# (not root and no password-less sudo: the browser test then skips and says why);
# exit 1 when an install that should work (as root) fails, so CI does not go green
# without the browser test.
set -u

have() {
    command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ] &&
        { dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed"; }
}

if have; then
    exit 0
fi

if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-browser: not root and no password-less sudo; chromium not installed, the browser test will skip" >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get on this machine; chromium not installed, the browser test will skip" >&2
    exit 0
fi

echo "install-browser: installing chromium and fonts-noto-cjk (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq </dev/null >/dev/null || { echo "install-browser: apt-get update failed" >&2; exit 1; }
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk </dev/null >/dev/null ||
    { echo "install-browser: apt-get install chromium fonts-noto-cjk failed" >&2; exit 1; }
have || { echo "install-browser: chromium still missing after apt-get install" >&2; exit 1; }
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null)" >&2
