#!/usr/bin/env bash
# tests/valgrind.sh BUILD_DIR - the unit tests, the fuzz replays and a few command lines
# under valgrind: any invalid read or write, use of uninitialised memory or definite
# leak fails the run.  (./test.sh runs it; it takes a few minutes.)
set -euo pipefail
build="${1:-build}"
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed (Debian: valgrind)" >&2
    exit 1
fi
vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --track-fds=no -q)

echo "== valgrind: unit tests and fuzz replays"
meson test -C "$build" --suite unit --suite fuzz-replay --print-errorlogs --wrap="${vg[*]}"

echo "== valgrind: command lines"
bin="$build/src/quotediff"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# hostile inputs worth running under valgrind: small, but every reader's error paths
printf 'Title\n\n\xff\xfe"Hello\x00 world," he said \x1b[2J.\n' >"$tmp/bad.txt"
printf '<html><body><p>"Unclosed <b><i><div>' >"$tmp/open.html"
printf '{"url": "https://example.com/a", "maintext": "\\"Hi,\\" she said."}\n[1,2]\n{broken\n' >"$tmp/mixed.jsonl"
printf '\x1f\x8b\x08\x00\x00\x00\x00\x00' >"$tmp/cut.txt.gz"
# each run: the exit status it must give, then its arguments (only the bad inputs fail)
runs=(
    "0 extract corpora/lavrov-blinken"
    "0 extract --format text -j 2 corpora/lavrov-blinken tests/fixtures/polnear"
    "0 compare --format html -o $tmp/report.html corpora/lavrov-blinken"
    "0 compare --format json -o $tmp/report.json corpora/lavrov-blinken"
    "0 body -o $tmp/body corpora/lavrov-blinken"
    "1 extract --with-text $tmp/bad.txt $tmp/open.html $tmp/mixed.jsonl $tmp/cut.txt.gz"
)
status=0
for entry in "${runs[@]}"; do
    want=${entry%% *}
    r=${entry#* }
    echo "-- quotediff $r"
    # shellcheck disable=SC2086
    set +e
    "${vg[@]}" "$bin" $r >/dev/null 2>"$tmp/err"
    rc=$?
    set -e
    # 99 is valgrind's error exit; anything but the expected status is a failure
    if [ "$rc" -ne "$want" ]; then
        cat "$tmp/err" >&2
        echo "valgrind: 'quotediff $r' failed (exit $rc, expected $want)" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "valgrind: clean"
exit "$status"
