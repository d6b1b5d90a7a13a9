#!/usr/bin/env python3
"""Score quotediff's event grouping against a hand-made gold labelling.

usage: scripts/eval_events.py DATA_DIR [--split train|dev] [--gold FILE]
                              [--quotediff BIN] [--no-list] [-- COMPARE_OPTIONS...]
       scripts/eval_events.py --texts DIR --gold FILE [...]

DATA_DIR is the PolNeAR directory: it holds metadata.tsv and SPLIT/text/*.txt.
The gold file (default tests/fixtures/events/polnear-SPLIT-events.tsv) has a header
and one row per document: filename, event id, description.

The program runs `quotediff compare --format json` over SPLIT/text twice, with the
metadata as manifest (dates, outlets, titles known) and without it (the documents
alone, mostly undated), and prints for each run B-cubed precision/recall/F1 (per
document: the share of its predicted event that is in its gold event, and the
reverse, averaged over documents) and pairwise precision/recall/F1 (over the pairs
of documents put together), then the wrong merges (pairs grouped but not the same
event) and the missed merges (pairs of one gold event left apart).

With --texts DIR any directory of documents (text, HTML, JSON records) is scored against
--gold as read, with what the documents say of their dates (run "as-read").
"""
import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile


def read_gold(path):
    gold = {}
    desc = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            name, ev, text = line.split("\t", 2)
            gold[name] = ev
            desc[ev] = text
    return gold, desc


def run_compare(binary, text_dir, manifest, extra):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "compare.json")
        cmd = [binary, "compare", "--format", "json", "-o", out]
        if manifest:
            cmd += ["--manifest", manifest]
        cmd += extra + [text_dir]
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode not in (0, 1) or not os.path.exists(out):
            sys.exit("quotediff compare failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
        with open(out, encoding="utf-8") as f:
            res = json.load(f)
    pred = {}
    for ev in res["events"]:
        for d in ev["documents"]:
            pred[os.path.basename(d["path"])] = ev["id"]
    return pred


def clusters(labels):
    c = {}
    for doc, lab in labels.items():
        c.setdefault(lab, set()).add(doc)
    return c


def prf(p, r):
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(gold, pred):
    gc, pc = clusters(gold), clusters(pred)
    p = r = 0.0
    for doc in gold:
        g, q = gc[gold[doc]], pc[pred[doc]]
        both = len(g & q)
        p += both / len(q)
        r += both / len(g)
    n = len(gold)
    return prf(p / n, r / n)


def pairs(labels):
    out = set()
    for members in clusters(labels).values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def pairwise(gold, pred):
    gp, pp = pairs(gold), pairs(pred)
    tp = len(gp & pp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    return prf(p, r), pp - gp, gp - pp


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?")
    ap.add_argument("--texts", help="score this directory as read, with --gold")
    ap.add_argument("--split", default="train")
    ap.add_argument("--gold")
    ap.add_argument("--quotediff", default=os.environ.get("QUOTEDIFF", "build/src/quotediff"))
    ap.add_argument("--no-list", action="store_true", help="print the scores only")
    ap.add_argument("--only", choices=["dated", "undated"], help="one of the two runs")
    # what follows -- goes to compare as it is
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    a = ap.parse_args(argv)
    a.extra = extra
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    gold_path = a.gold or os.path.join(root, "tests", "fixtures", "events", "polnear-%s-events.tsv" % a.split)
    gold, desc = read_gold(gold_path)
    if a.texts:
        text_dir = a.texts
        runs = [("as-read", None)]
    elif a.data_dir:
        text_dir = os.path.join(a.data_dir, a.split, "text")
        manifest = os.path.join(a.data_dir, "metadata.tsv")
        runs = [("dated", manifest), ("undated", None)]
    else:
        ap.error("DATA_DIR or --texts DIR is needed")
    if a.only:
        runs = [r for r in runs if r[0] == a.only]
    print("gold: %d documents, %d events, %d in events of two or more"
          % (len(gold), len(set(gold.values())),
             sum(1 for g in clusters(gold).values() if len(g) > 1 for _ in g)))
    # every document alone: what grouping has to beat when most documents are singletons
    alone = {d: d for d in gold}
    print("%-8s %-9s %6s %6s %6s" % ("run", "measure", "P", "R", "F1"))
    print("%-8s %-9s %6.3f %6.3f %6.3f" % (("alone", "B-cubed") + bcubed(gold, alone)))
    lists = []
    for name, man in runs:
        pred = run_compare(a.quotediff, text_dir, man, a.extra)
        missing = set(gold) - set(pred)
        if missing:
            sys.exit("not in the output: %s" % ", ".join(sorted(missing)[:5]))
        pred = {d: pred[d] for d in gold}
        b = bcubed(gold, pred)
        pw, wrong, missed = pairwise(gold, pred)
        print("%-8s %-9s %6.3f %6.3f %6.3f" % ((name, "B-cubed") + b))
        print("%-8s %-9s %6.3f %6.3f %6.3f" % ((name, "pairwise") + pw))
        lists.append((name, wrong, missed))
    if a.no_list:
        return
    for name, wrong, missed in lists:
        print("\n[%s] wrong merges: %d" % (name, len(wrong)))
        for x, y in sorted(wrong):
            print("  %s  +  %s" % (x, y))
        print("[%s] missed merges: %d" % (name, len(missed)))
        for x, y in sorted(missed):
            print("  %s  +  %s   (%s)" % (x, y, desc[gold[x]]))


if __name__ == "__main__":
    main()
