#!/usr/bin/env python3
"""quotediff_dask.py - quotediff over a Dask cluster: analysis sharded, matching merged.

    quotediff_dask.py [--scheduler ADDRESS | --local-workers N] [--shards K]
                      [--quotediff BIN] [-f FORMAT] [-o OUT] [--keep-summaries FILE]
                      [-- COMPARE_OPTIONS...] INPUT...

The stage contract (the same under any engine):

  map      quotediff extract --format summary -j 1 - < paths-of-one-shard
           one JSON line per document: what matching needs (terms, speakers,
           statements), independent of every other document
  merge    concatenate the shards' lines in shard order (shards are contiguous runs of
           the inputs in input order), so the merged file is exactly what one machine
           would have written
  reduce   quotediff compare [--format ...] merged.jsonl
           interning, events, threads, statement groups and the report, on one machine:
           linear in the number of documents (see bench/RESULTS.md)

INPUT is a file or a directory (walked recursively, in name order, hidden names
skipped, as quotediff does).  The workers must see the inputs under the same paths
(a shared file system, or the loopback cluster of the test).  A JSON Lines file is one
unit of work: split big ones into several files to spread them.

Without --scheduler a LocalCluster is started on this machine (processes, loopback
only).  Exit status: 0, or 1 when some input or shard failed (messages on stderr).
"""
import argparse
import os
import subprocess
import sys
import tempfile


def expand(inputs):
    """Input files in quotediff's order: directories recursively, names sorted by their
    bytes, hidden names skipped."""
    out = []

    def walk(d):
        try:
            names = sorted(os.listdir(d), key=os.fsencode)
        except OSError as e:
            sys.stderr.write("quotediff_dask: %s: %s\n" % (d, e.strerror))
            return
        for name in names:
            if name.startswith("."):
                continue
            p = d + name if d.endswith("/") else d + "/" + name
            if os.path.isdir(p):
                walk(p)
            elif os.path.isfile(p):
                out.append(p)

    for arg in inputs:
        if os.path.isdir(arg):
            walk(arg)
        else:
            out.append(arg)
    return out


def shards_of(paths, k):
    """k contiguous runs of paths, balanced by size, in order."""
    if not paths:
        return []
    k = max(1, min(k, len(paths)))
    sizes = []
    for p in paths:
        try:
            sizes.append(max(1, os.path.getsize(p)))
        except OSError:
            sizes.append(1)
    total = sum(sizes)
    shards, cur, acc = [], [], 0
    for p, s in zip(paths, sizes):
        cur.append(p)
        acc += s
        # close this shard once it holds its share of the bytes
        if len(shards) < k - 1 and acc >= total * (len(shards) + 1) / k:
            shards.append(cur)
            cur = []
    if cur:
        shards.append(cur)
    return shards


def extract_shard(quotediff, paths, extra):
    """On a worker: the summaries of one shard (bytes), and what quotediff said."""
    proc = subprocess.run(
        [quotediff, "extract", "--format", "summary", "-j", "1"] + extra + ["-"],
        input=("\n".join(paths) + "\n").encode(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--local-workers", type=int, default=2, help="workers of the local cluster (default 2)")
    ap.add_argument("--shards", type=int, default=0, help="number of shards (default: 4 per worker)")
    ap.add_argument("--quotediff", default="quotediff", help="the quotediff program on the workers")
    ap.add_argument("-f", "--format", default="text", help="compare report format")
    ap.add_argument("-o", "--output", default="-", help="report file (default standard output)")
    ap.add_argument("--keep-summaries", help="also keep the merged summaries in this file")
    ap.add_argument("--with-text", action="store_true", help="keep article texts (implied by -f html)")
    ap.add_argument("inputs", nargs="+", help="files and directories; after --, options for compare")
    args, rest = ap.parse_known_args(argv)
    compare_opts = [a for a in rest if a != "--"]

    from dask.distributed import Client, LocalCluster

    paths = expand(args.inputs)
    if not paths:
        sys.stderr.write("quotediff_dask: no input files\n")
        return 1
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    status = 0
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        shards = shards_of(paths, args.shards or 4 * n_workers)
        extra = ["--with-text"] if args.with_text or args.format == "html" else []
        futures = client.map(extract_shard, [args.quotediff] * len(shards), shards, [extra] * len(shards),
                             pure=False)
        results = client.gather(futures)
        with tempfile.NamedTemporaryFile(prefix="quotediff-summaries-", suffix=".jsonl", delete=False) as merged:
            for rc, out, err in results:
                if err:
                    sys.stderr.write(err)
                if rc != 0:
                    status = 1
                merged.write(out)
            merged_path = merged.name
        try:
            cmd = [args.quotediff, "compare", "--format", args.format, "-o", args.output] + compare_opts
            rc = subprocess.run(cmd + [merged_path], check=False).returncode
            if rc != 0:
                status = 1
            if args.keep_summaries:
                os.replace(merged_path, args.keep_summaries)
        finally:
            if os.path.exists(merged_path):
                os.unlink(merged_path)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
