#!/usr/bin/env bash
# fuzz/run.sh [SECONDS] [HARNESS...] - build the libFuzzer harnesses (clang, ASan+UBSan)
# and run each for SECONDS (default 20), one after the other.
#
#   fuzz/run.sh              every harness, 20 s each (what ./test.sh runs)
#   fuzz/run.sh 3600 html    one hour on the HTML reader
#
# Seed corpora are made at run time from corpora/, tests/fixtures/ and fuzz/seeds/ into
# BUILD/fuzz-corpus/NAME/, which keeps what the fuzzer learns between runs.  A crash,
# leak, timeout or out-of-memory stops the harness and is copied to
# BUILD/fuzz-artifacts/NAME/; the script then fails.  To keep it as a regression test,
# copy the file to tests/fixtures/crashes/NAME/ (the fuzz-replay test suite replays it).
#
# Environment: QD_FUZZ_BUILD (build directory, default build-fuzz), QD_FUZZ_ARGS (more
# libFuzzer options, e.g. "-jobs=2 -workers=2").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
secs="${1:-20}"
shift || true
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
    harnesses=(text html json gzip lexicon extract compare summary manifest)
fi
build="${QD_FUZZ_BUILD:-build-fuzz}"

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz: clang is not installed (Debian: clang libclang-rt-14-dev)" >&2
    exit 1
fi
# (warnings are errors in the gcc builds; clang's extra warnings must not stop fuzzing)
if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false \
        --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build" $(printf 'fuzz/fuzz_%s ' "${harnesses[@]}")

# Seeds: copies of real inputs, small enough for libFuzzer's length limit.
seed_into() { # DIR FILE...
    local dir="$1"; shift
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        head -c 16384 "$f" >"$dir/seed-$(basename "$f")"
    done
}

make_corpus() { # NAME
    local name="$1" dir="$build/fuzz-corpus/$1"
    mkdir -p "$dir"
    local texts htmls jsons
    texts=$(find corpora tests/fixtures -type f -name '*.txt' 2>/dev/null | sort | head -n 40)
    htmls=$(find corpora tests/fixtures -type f \( -name '*.html' -o -name '*.htm' \) 2>/dev/null | sort | head -n 40)
    jsons=$(find corpora tests/fixtures -type f \( -name '*.json' -o -name '*.jsonl' \) 2>/dev/null | sort | head -n 40)
    if [ -d "fuzz/seeds/$name" ]; then
        cp fuzz/seeds/"$name"/* "$dir"/
    fi
    case "$name" in
        text) seed_into "$dir" $texts ;;
        html) seed_into "$dir" $htmls ;;
        json) seed_into "$dir" $jsons ;;
        extract) seed_into "$dir" $texts $htmls $jsons ;;
        gzip)
            local f
            for f in $(echo $texts | tr ' ' '\n' | head -n 5); do
                gzip -9 -n -c "$f" >"$dir/seed-$(basename "$f").gz"
            done ;;
        lexicon)
            # the first byte picks the lexicon kind (its index in qd_lexicon_kinds())
            local i=0 k
            for k in $(sed -n "s/^ *'\.\.\/data\/lexicons\/\([a-z_]*\)\.tsv',*$/\1/p" src/meson.build); do
                if [ -f "data/lexicons/$k.tsv" ]; then
                    { printf "\\x$(printf %02x $i)"; head -c 8192 "data/lexicons/$k.tsv"; } >"$dir/seed-$k"
                fi
                i=$((i + 1))
            done ;;
        compare)
            # documents are separated by form feeds
            local a b
            for a in $(echo $texts | tr ' ' '\n' | head -n 6); do
                b=$(echo $texts | tr ' ' '\n' | grep -v "^$a\$" | head -n 1)
                { head -c 12000 "$a"; printf '\f'; head -c 12000 "$b"; } >"$dir/seed-$(basename "$a")"
            done ;;
    esac
}

dict_for() { # NAME
    case "$1" in
        html|extract|compare) echo "-dict=fuzz/html.dict" ;;
        json|summary) echo "-dict=fuzz/json.dict" ;;
        *) echo "" ;;
    esac
}

failed=""
for name in "${harnesses[@]}"; do
    make_corpus "$name"
    art="$build/fuzz-artifacts/$name"
    mkdir -p "$art"
    echo "== fuzz_$name: ${secs}s"
    # shellcheck disable=SC2046,SC2086
    if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
         UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
         "$build/fuzz/fuzz_$name" "$build/fuzz-corpus/$name" \
            -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=32768 \
            -artifact_prefix="$art/" -print_final_stats=1 $(dict_for "$name") \
            ${QD_FUZZ_ARGS:-} >"$art/log.txt" 2>&1; then
        failed="$failed $name"
        echo "fuzz_$name FAILED: see $art/log.txt and the files in $art/" >&2
        grep -E "ERROR|SUMMARY|Test unit written" "$art/log.txt" | head -n 10 >&2 || true
    fi
    grep -E "^stat::number_of_executed_units|^stat::new_units_added|cov: " "$art/log.txt" | tail -n 3 || true
done
if [ -n "$failed" ]; then
    echo "fuzz: failures in:$failed" >&2
    exit 1
fi
echo "fuzz: ${#harnesses[@]} harness(es), ${secs}s each, no crash"
