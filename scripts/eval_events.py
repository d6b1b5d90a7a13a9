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

With --sample N (and --seed S, --events K) the matcher is scored on N small corpora drawn
from DATA_DIR instead of the whole split, averaged: each holds K gold events of two or
more documents and, for each, two documents of other events on the same topic (those
sharing the most rare words with it, within sixty days, or --window DAYS), so a corpus has 10-20 documents,
like a user's comparison of several outlets.  Small corpora are where idf says least
and where cross-outlet pairs of one event are most of what there is to find.
"""
import argparse
import itertools
import json
import math
import os
import random
import re
import shutil
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


def day_of(name):
    m = re.search(r"_(\d{4})-(\d{2})-(\d{2})_", name)
    if not m:
        return None
    import datetime
    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()


def word_sets(text_dir, names):
    """Each document's set of lower-case words of four letters or more."""
    out = {}
    for n in names:
        with open(os.path.join(text_dir, n), encoding="utf-8", errors="replace") as f:
            out[n] = set(re.findall(r"[a-z]{4,}", f.read().lower()))
    return out


def draw_samples(gold, text_dir, n_samples, seed, k_events, window=60):
    """Corpora of k gold events of 2+ documents plus two same-topic distractors each."""
    rng = random.Random(seed)
    gc = clusters(gold)
    multi = sorted(e for e, m in gc.items() if len(m) > 1)
    words = word_sets(text_dir, gold)
    df = {}
    for ws in words.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    n_docs = len(gold)

    def overlap(a, b):
        return sum(math.log(n_docs / df[w]) for w in words[a] & words[b])

    samples = []
    for _ in range(n_samples):
        evs = rng.sample(multi, min(k_events, len(multi)))
        docs = set()
        for e in evs:
            docs |= gc[e]
        for e in evs:
            days = [day_of(d) for d in gc[e]]
            pool = [d for d in gold if gold[d] != gold[next(iter(gc[e]))] and d not in docs
                    and day_of(d) is not None and all(x is not None for x in days)
                    and min(abs(day_of(d) - x) for x in days) <= window]
            pool.sort(key=lambda d: -max(overlap(d, m) for m in gc[e]))
            docs.update(pool[:2])
        samples.append(sorted(docs))
    return samples


def run_samples(a, gold, text_dir, manifest):
    rows = []
    with open(manifest, encoding="utf-8") as f:
        header = next(f)
        for line in f:
            rows.append(line)
    by_name = {}
    for line in rows:
        cols = line.rstrip("\n").split("\t")
        if len(cols) > 1:
            by_name[cols[1]] = line
    sums = {}
    for docs in draw_samples(gold, text_dir, a.sample, a.seed, a.events, a.window):
        sub = {d: gold[d] for d in docs}
        with tempfile.TemporaryDirectory() as tmp:
            # the texts in a directory of their own: the manifest beside them would be
            # read as one more document of the corpus
            texts = os.path.join(tmp, "texts")
            os.mkdir(texts)
            for d in docs:
                shutil.copy(os.path.join(text_dir, d), texts)
            man = os.path.join(tmp, "manifest.tsv")
            with open(man, "w", encoding="utf-8") as f:
                f.write(header)
                for d in docs:
                    f.write(by_name.get(d[:-4] if d.endswith(".txt") else d, ""))
            for name, m in (("dated", man), ("undated", None)):
                if a.only and a.only != name:
                    continue
                pred = run_compare(a.quotediff, texts, m, a.extra)
                pred = {d: pred[d] for d in sub}
                vals = bcubed(sub, pred) + pairwise(sub, pred)[0]
                alone = bcubed(sub, {d: d for d in sub})
                acc = sums.setdefault(name, [0.0] * 7)
                for i, v in enumerate(vals + (alone[2],)):
                    acc[i] += v
        sums.setdefault("docs", [0.0])[0] += len(docs)
    n = a.sample
    print("%d samples of %d events (seed %d, distractors within %d days), %.1f documents on average"
          % (n, a.events, a.seed, a.window, sums.pop("docs")[0] / n))
    print("%-8s %-21s %-21s %s" % ("run", "B-cubed P / R / F1", "pairwise P / R / F1", "alone F1"))
    for name, acc in sums.items():
        v = [x / n for x in acc]
        print("%-8s %.3f / %.3f / %.3f   %.3f / %.3f / %.3f   %.3f" % tuple([name] + v))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?")
    ap.add_argument("--texts", help="score this directory as read, with --gold")
    ap.add_argument("--split", default="train")
    ap.add_argument("--gold")
    ap.add_argument("--quotediff", default=os.environ.get("QUOTEDIFF", "build/src/quotediff"))
    ap.add_argument("--no-list", action="store_true", help="print the scores only")
    ap.add_argument("--only", choices=["dated", "undated"], help="one of the two runs")
    ap.add_argument("--sample", type=int, default=0, help="score N small corpora drawn from the split")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--events", type=int, default=4, help="gold events of 2+ documents per sample")
    ap.add_argument("--window", type=int, default=60, help="distractors at most this many days from the event")
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
    if a.sample:
        if a.texts:
            ap.error("--sample needs DATA_DIR")
        run_samples(a, gold, text_dir, manifest)
        return
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
