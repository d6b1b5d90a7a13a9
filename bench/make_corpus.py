#!/usr/bin/env python3
"""make_corpus.py - a large benchmark corpus made from real news text.

    make_corpus.py SOURCE_DIR OUT_DIR N [--jsonl]

Reads the .txt articles under SOURCE_DIR and writes N articles to OUT_DIR (one file each,
in sub-directories of 1000), or with --jsonl one JSON Lines file OUT_DIR/corpus.jsonl of
{"url", "date", "text"} records.  Article k is source article k mod S, varied so that
copies do not all collapse into one event: copy r > 0 respells about half of the
longer words (the same word the same way throughout the copy, first and last letters
kept, so names, quotes and sentence shapes survive), and gets its own date and URL.
Deterministic: the same arguments give the same corpus.
"""
import json
import os
import random
import re
import sys

WORD = re.compile(r"[A-Za-z]{5,}")


def sources(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".txt") and not name.startswith("."):
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    out.append((name, f.read()))
    return out


def vary(text, copy, rng_cache):
    """rng_cache: the respellings of this copy so far (shared by its documents)."""
    if copy == 0:
        return text

    def respell(m):
        w = m.group(0)
        key = w.lower()
        if key not in rng_cache:
            rng = random.Random("%d:%s" % (copy, key))
            if rng.random() < 0.5:
                rng_cache[key] = None
            else:
                mid = list(key[1:-1])
                rng.shuffle(mid)
                rng_cache[key] = key[0] + "".join(mid) + key[-1]
        new = rng_cache[key]
        if new is None:
            return w
        if w.isupper():
            return new.upper()
        if w[0].isupper():
            return new[0].upper() + new[1:]
        return new

    return WORD.sub(respell, text)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    jsonl = "--jsonl" in sys.argv
    if len(args) != 3:
        sys.exit(__doc__)
    src, out, n = args[0], args[1], int(args[2])
    docs = sources(src)
    if not docs:
        sys.exit("make_corpus.py: no .txt files under %s" % src)
    os.makedirs(out, exist_ok=True)
    sink = open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") if jsonl else None
    total = 0
    cache, cache_copy = {}, -1
    for k in range(n):
        name, text = docs[k % len(docs)]
        copy = k // len(docs)
        if copy != cache_copy:
            cache, cache_copy = {}, copy
        body = vary(text, copy, cache)
        # each copy a week later: same-topic copies are other events of a thread
        day = 1 + copy * 7
        date = "20%02d-%02d-%02d" % (16 + day // 336, 1 + (day // 28) % 12, 1 + day % 28)
        stem = name[:-4]
        if sink:
            rec = {"url": "https://bench.example/%d/%s" % (copy, stem), "date": date, "text": body}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            sink.write(line)
            total += len(line.encode("utf-8"))
        else:
            d = os.path.join(out, "%04d" % (k // 1000))
            os.makedirs(d, exist_ok=True)
            data = body.encode("utf-8")
            with open(os.path.join(d, "%07d_%s.txt" % (k, stem)), "wb") as f:
                f.write(data)
            total += len(data)
    if sink:
        sink.close()
    print("%d documents, %d bytes" % (n, total))


if __name__ == "__main__":
    main()
