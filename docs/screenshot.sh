#!/usr/bin/env bash
# Re-make docs/html-view.png: the HTML view of a held-out report, rendered by headless Chromium
# with no network (the page is self-contained: displaCy markup with inline styles, no scripts,
# no external fonts). Needs Debian's chromium and a CJK font:
#   apt-get install -y chromium fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-corpus/003_f6c75f8394d11ae2.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gov-ner extract "$report" --format html -o "$tmp/view.html" -q
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1200,1400 \
  --screenshot="$PWD/docs/html-view.png" "file://$tmp/view.html" 2>/dev/null
echo "wrote docs/html-view.png from $report"
