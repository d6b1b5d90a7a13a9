#!/usr/bin/env bash
# test.sh - install what is missing, build, and run every test: first in a normal build,
# then again under AddressSanitizer and UndefinedBehaviorSanitizer, then under valgrind;
# last, every fuzzing harness for a short while (QD_FUZZ_SECONDS each, default 20).
set -euo pipefail
cd "$(dirname "$0")"
# beyond what building needs: fuzzing (clang, libFuzzer), valgrind, and a browser for
# the report safety test
QD_PACKAGES="${QD_PACKAGES:-} clang libclang-rt-14-dev valgrind chromium"
. scripts/deps.sh
qd_install

echo "== build (debug, optimised)"
qd_setup build
ninja -C build
echo "== tests"
meson test -C build --print-errorlogs
# kept aside: the valgrind run below writes its own log over this one
cp build/meson-logs/testlog.json build/meson-logs/testlog-plain.json

echo "== build (ASan + UBSan)"
qd_setup build-asan -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
ninja -C build-asan
echo "== tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --print-errorlogs

echo "== unit tests and command lines under valgrind"
tests/valgrind.sh build

echo "== fuzzing, ${QD_FUZZ_SECONDS:-20} s per harness (longer: fuzz/run.sh SECONDS)"
fuzz/run.sh "${QD_FUZZ_SECONDS:-20}"
# One closing line that any CI reads: the meson tests of the plain and sanitizer builds.
python3 - build/meson-logs/testlog-plain.json build-asan/meson-logs/testlog.json <<'PY'
import json, sys
ok = bad = skipped = 0
for path in sys.argv[1:]:
    for line in open(path, encoding='utf8'):
        result = json.loads(line).get('result')
        if result in ('OK', 'EXPECTEDFAIL'):
            ok += 1
        elif result == 'SKIP':
            skipped += 1
        else:
            bad += 1
print(f'quotediff: {ok} passed, {bad} failed, {skipped} skipped')
sys.exit(1 if bad else 0)
PY
echo "quotediff: all tests passed"
