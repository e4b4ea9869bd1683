#!/usr/bin/env bash
# Bring a fresh machine (Node 20 and npm only) to a working checkout: the pinned pnpm, the
# dependencies (whose install compiles the TypeScript). Safe to run again; it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9   # keep in step with "packageManager" in package.json

# corepack's signature check fails against this registry mirror, so install pnpm with npm.
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION with npm" >&2
  if ! npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No permission for a global install: put it in the user's prefix instead.
    npm install --global --no-fund --no-audit --prefix "$HOME/.local" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$HOME/.local/bin:$PATH"
  fi
fi

echo "setup: installing dependencies with pnpm $(pnpm --version)" >&2
CI=true pnpm install --frozen-lockfile --reporter=silent

# The site's tests drive Debian's Chromium (never a browser a tool downloads) and read printed
# PDFs with pdftotext; the spreadsheet tests open an exported workbook in LibreOffice Calc (the
# headless build, no desktop). Install them when missing; they are only needed for the tests.
if [ "${1:-}" = "test" ] && { ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 || ! command -v libreoffice >/dev/null 2>&1; }; then
  echo "setup: installing Debian's chromium, poppler-utils and libreoffice-calc-nogui for the tests" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium poppler-utils libreoffice-calc-nogui >/dev/null
fi

# Then the job asked for, in this same shell so that a pnpm installed above is on PATH.
case "${1:-}" in
  start) pnpm exec crr validate registers/example-icb && exec pnpm exec crr build registers/example-icb --out _site ;;
  test) exec pnpm run check ;;
  "") ;;
  *) echo "setup: unknown job '$1' (start or test)" >&2; exit 2 ;;
esac
