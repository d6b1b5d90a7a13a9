#!/usr/bin/env bash
# quickstart.sh - install what is missing, build quotediff, compare the articles in
# corpora/lavrov-blinken and write the reports into reports/.  Safe to run again: it
# only installs and configures what is not there yet.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
qd_install

qd_setup build-release --buildtype=release
ninja -C build-release
qd=build-release/src/quotediff
corpus=corpora/lavrov-blinken
mkdir -p reports

"$qd" extract --format jsonl -o reports/lavrov-blinken.jsonl "$corpus"
"$qd" extract --format text -o reports/lavrov-blinken-extract.txt "$corpus"
for fmt in text md html json; do
    ext=$fmt; [ "$fmt" = text ] && ext=txt
    "$qd" compare --format "$fmt" -o "reports/lavrov-blinken.$ext" "$corpus"
done

echo
echo "quotediff: reports written to $(pwd)/reports/:"
ls -1 reports | sed 's/^/  /'
echo "Read reports/lavrov-blinken.txt first, or open reports/lavrov-blinken.html in a browser."
