#!/usr/bin/env bash
# bench/run.sh - how fast quotediff is, and how its cost grows with the corpus.
#
#   bench/run.sh [-j N] [-s "SIZES"] [-w WORKDIR] [-b BUILDDIR] [SOURCE_DIR]
#
# Builds a release binary (in BUILDDIR, default build-bench/), makes corpora of SIZES documents (default
# "10000 100000") from the .txt articles under SOURCE_DIR (default: the repository's
# corpora/ and tests/fixtures/) with bench/make_corpus.py, and times on each:
#
#   body     article text of every record
#   extract  statements of every record (JSON Lines out)
#   summary  extract --format summary (what compare needs, for sharded runs)
#   compare  compare of the raw records (analysis included), text report
#   compare-summaries  compare of the summaries (matching and report only)
#
# printing wall seconds, MB/s (of input), documents/s, CPU seconds and MB per CPU
# second (what one core does, even on a busy machine) and peak RSS for each, then a
# projection to 1,000,000 documents from the largest size measured.  Corpora are
# generated under WORKDIR (default: a temporary directory, removed afterwards); with -w
# they are kept there, WORKDIR/cN/corpus.jsonl and its summaries WORKDIR/sN.jsonl, so
# that a command can be timed again by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
sizes="10000 100000"
work=""
build=build-bench
while getopts "j:s:w:b:" opt; do
    case $opt in
        j) jobs=$OPTARG ;;
        s) sizes=$OPTARG ;;
        w) work=$OPTARG ;;
        b) build=$OPTARG ;;
        *) echo "usage: bench/run.sh [-j N] [-s SIZES] [-w WORKDIR] [-b BUILDDIR] [SOURCE_DIR]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

if [ ! -x /usr/bin/time ]; then
    echo "bench: needs GNU time (/usr/bin/time, Debian package 'time') for peak memory" >&2
    exit 2
fi

keep=1
if [ -z "$work" ]; then
    work=$(mktemp -d)
    keep=0
fi
mkdir -p "$work"
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

# the source text: an argument, else what the repository holds
if [ $# -ge 1 ]; then
    src=$1
else
    src="$work/source"
    mkdir -p "$src"
    find corpora tests/fixtures -name '*.txt' -size +1k -exec cp {} "$src/" \;
fi

echo "== build (release)"
if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" --buildtype=release >/dev/null
fi
ninja -C "$build" src/quotediff >/dev/null
qd=$build/src/quotediff

cores=$(nproc)
model=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || true)
echo "machine: $cores cores ($model), $(free -g | awk '/Mem:/ {print $2}') GB RAM; quotediff -j $jobs"
echo "source: $(find "$src" -name '*.txt' | wc -l) articles"

# run NAME MB DOCS COMMAND...: time a command, print one row
run() {
    local name=$1 mb=$2 docs=$3
    shift 3
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
        echo "bench: $name failed:" >&2
        tail -5 "$work/err" >&2
        return 1
    }
    read -r secs kb usr sys <"$work/time"
    # MB per CPU second: what one core does, whatever else the machine is running
    awk -v n="$name" -v s="$secs" -v kb="$kb" -v mb="$mb" -v d="$docs" -v cpu="$(awk -v u="$usr" -v y="$sys" 'BEGIN { print u + y }')" 'BEGIN {
        if (s < 0.01) s = 0.01
        if (cpu < 0.01) cpu = 0.01
        printf "%-18s %8.1f s %7.1f MB/s %8.0f docs/s %8.1f CPU s %6.1f MB/CPU-s %7.0f MB peak RSS\n",
               n, s, mb / s, d / s, cpu, mb / cpu, kb / 1024 }'
    echo "$name $docs $secs $kb" >>"$work/rows"
}

: >"$work/rows"
for n in $sizes; do
    echo
    echo "== $n documents"
    python3 bench/make_corpus.py "$src" "$work/c$n" "$n" --jsonl >/dev/null
    in="$work/c$n/corpus.jsonl"
    mb=$(awk -v b="$(stat -c %s "$in")" 'BEGIN { printf "%.1f", b / 1e6 }')
    echo "corpus: $mb MB of JSON Lines"
    run body "$mb" "$n" "$qd" body -j "$jobs" "$in"
    run extract "$mb" "$n" "$qd" extract -j "$jobs" -o "$work/x.jsonl" "$in"
    run summary "$mb" "$n" "$qd" extract -j "$jobs" -f summary -o "$work/s$n.jsonl" "$in"
    run compare "$mb" "$n" "$qd" compare -j "$jobs" -o "$work/c.txt" "$in"
    smb=$(awk -v b="$(stat -c %s "$work/s$n.jsonl")" 'BEGIN { printf "%.1f", b / 1e6 }')
    run compare-summaries "$smb" "$n" "$qd" compare -j "$jobs" -o "$work/cs.txt" "$work/s$n.jsonl"
    rm -f "$work/x.jsonl" "$work/c.txt" "$work/cs.txt"
    if [ "$keep" = 0 ]; then
        rm -rf "$work/c$n" "$work/s$n.jsonl"
    fi
done

# 1,000,000 documents: linear projection from the largest size, and the growth
# between the two largest sizes (1.0 = linear)
echo
echo "== projection to 1000000 documents"
awk '
{ t[$1, $2] = $3; m[$1, $2] = $4; if (!($2 in seen)) { seen[$2] = 1; sz[++ns] = $2 } names[$1] = 1 }
END {
    if (ns == 0) exit
    # sizes in ascending order
    for (i = 1; i <= ns; i++) for (j = i + 1; j <= ns; j++) if (sz[j] < sz[i]) { x = sz[i]; sz[i] = sz[j]; sz[j] = x }
    big = sz[ns]; prev = ns > 1 ? sz[ns - 1] : 0
    split("body extract summary compare compare-summaries", order, " ")
    for (k = 1; k <= 5; k++) {
        n = order[k]
        if (!((n, big) in t)) continue
        f = 1e6 / big
        growth = ""
        if (prev && t[n, prev] > 0)
            growth = sprintf("  growth x%.1f for x%.0f documents (exponent %.2f)", t[n, big] / t[n, prev], big / prev,
                             log(t[n, big] / t[n, prev]) / log(big / prev))
        printf "%-18s ~%8.0f s  ~%6.0f MB peak RSS (linear)%s\n", n, t[n, big] * f,
               (n ~ /compare/ ? m[n, big] * f : m[n, big]) / 1024, growth
    }
}' "$work/rows"
