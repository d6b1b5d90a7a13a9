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
echo "quotediff: all tests passed"
