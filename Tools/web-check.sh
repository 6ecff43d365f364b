#!/usr/bin/env bash
# The web desk in a real browser (Tests/Web/desk_test.py): Debian's chromium and chromium-driver,
# driven by Selenium, every page checked by axe-core; screenshots under out/web/. `make test` runs it
# after installing what it needs (`make web-deps`).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-web}
export ZITDAG=${ZITDAG:-$PWD/.build/release/zitdag}
exec "$VENV/bin/python" -W ignore::ResourceWarning Tests/Web/desk_test.py
