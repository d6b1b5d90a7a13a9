#!/usr/bin/env python3
"""End-to-end tests of quotediff at scale: threads, streaming, composable stages.

usage: test_scale.py QUOTEDIFF_BINARY SOURCE_ROOT

- `-j N` gives byte for byte what `-j 1` gives (extract, body, compare in every format),
  on files and on JSON Lines records, whatever the order the workers finish in;
- a JSON Lines input is read record by record, with the names and bytes the library's
  reader gives, and a large one is not held in memory;
- `extract --format summary` read back by `compare` gives the same comparison as
  `compare` of the documents themselves, byte for byte, in every format.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import unittest

BIN = None
ROOT = None


def run(*args, stdin=None, timeout=300):
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode('utf8', 'replace')


def corpus_files():
    """The repository's articles: the seed corpus and the annotated fixtures."""
    out = []
    for d in ('corpora/lavrov-blinken', 'tests/fixtures/framing', 'tests/fixtures/polnear'):
        full = os.path.join(ROOT, d)
        out += [os.path.join(full, n) for n in sorted(os.listdir(full)) if n.endswith('.txt')]
    return out


class Threads(unittest.TestCase):
    def same_for_all_j(self, *args, js=(2, 3, 8)):
        rc1, out1, err1 = run(*args[:1], '-j', '1', *args[1:])
        self.assertEqual(rc1, 0, err1)
        self.assertTrue(out1)
        for j in js:
            rc, out, err = run(*args[:1], '-j', str(j), *args[1:])
            self.assertEqual(rc, 0, err)
            self.assertEqual(out, out1, f'{args[0]} -j {j} differs from -j 1')
            self.assertEqual(err, err1)
        return out1

    def test_extract(self):
        files = corpus_files()
        out = self.same_for_all_j('extract', *files)
        recs = [json.loads(line) for line in out.decode().splitlines()]
        self.assertEqual([r['path'] for r in recs], files)

    def test_extract_text_and_summary(self):
        self.same_for_all_j('extract', '--format', 'text', *corpus_files())
        self.same_for_all_j('extract', '--format', 'summary', *corpus_files())

    def test_body(self):
        self.same_for_all_j('body', *corpus_files())

    def test_compare_formats(self):
        for fmt in ('json', 'text', 'md', 'html'):
            self.same_for_all_j('compare', '--format', fmt, *corpus_files(), js=(2, 5))

    def test_bad_inputs_keep_their_place(self):
        # failures are reported in input order too, and the others still come out
        files = corpus_files()
        args = [files[0], '/nonexistent/quotediff-a.txt', files[1], '/nonexistent/quotediff-b.txt']
        outs = set()
        for j in (1, 2, 4):
            rc, out, err = run('extract', '-j', str(j), *args)
            self.assertEqual(rc, 1)
            self.assertLess(err.index('quotediff-a.txt'), err.index('quotediff-b.txt'))
            outs.add(out)
        self.assertEqual(len(outs), 1)
        self.assertEqual(len(outs.pop().splitlines()), 2)

    def test_bad_j(self):
        for bad in ('0', '-1', 'x', ''):
            rc, _, err = run('extract', '-j', bad, corpus_files()[0])
            self.assertEqual(rc, 2, bad)
            self.assertIn('-j', err)


class JsonLines(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.tmp.name, 'records.jsonl')
        with open(self.path, 'w', encoding='utf8') as f:
            for i, p in enumerate(corpus_files()):
                with open(p, encoding='utf8') as g:
                    f.write(json.dumps({'url': f'https://example.org/{i}', 'text': g.read()}) + '\n')
                if i % 3 == 0:
                    f.write('\n')  # blank lines are skipped but counted

    def tearDown(self):
        self.tmp.cleanup()

    def test_records_in_order_for_any_j(self):
        outs = set()
        for j in (1, 2, 4):
            rc, out, err = run('extract', '-j', str(j), self.path)
            self.assertEqual(rc, 0, err)
            outs.add(out)
        self.assertEqual(len(outs), 1)
        recs = [json.loads(line) for line in outs.pop().decode().splitlines()]
        self.assertEqual(len(recs), len(corpus_files()))
        # named FILE:LINE, lines counted with the blank ones
        self.assertEqual(recs[0]['path'], self.path + ':1')
        self.assertEqual(recs[1]['path'], self.path + ':3')
        self.assertEqual([r['url'] for r in recs], [f'https://example.org/{i}' for i in range(len(recs))])

    def test_gzip_records(self):
        import gzip
        gz = self.path + '.gz'
        with open(self.path, 'rb') as f, gzip.open(gz, 'wb') as g:
            g.write(f.read())
        rc, plain, err = run('extract', '-j', '1', self.path)
        self.assertEqual(rc, 0, err)
        rc, zipped, err = run('extract', '-j', '3', gz)
        self.assertEqual(rc, 0, err)
        self.assertEqual(zipped.replace(gz.encode(), self.path.encode()), plain)

    def test_large_file_streams(self):
        # Memory follows the working set, not the file: reading four times as many records
        # (about 100 MB) must not need much more memory than reading a quarter of them, and
        # in a plain build stays far below the file's size.  The growth check is what holds
        # under AddressSanitizer too, whose shadow memory and quarantine inflate every figure
        # (the quarantine is kept small here so that it does not grow with the records read).
        with open(self.path, 'rb') as f:
            lines = [line for line in f.read().splitlines() if line.strip()]

        def make(name, count):
            path = os.path.join(self.tmp.name, name)
            with open(path, 'wb') as f:
                n = 0
                while n < count:
                    for line in lines:
                        f.write(line + b'\n')
                        n += 1
            return path

        def peak_kb(path):
            code = ('import resource, subprocess, sys\n'
                    'p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n'
                    'sys.stdout.write("%d %d" % (p.returncode, '
                    'resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n')
            env = dict(os.environ, ASAN_OPTIONS='quarantine_size_mb=8:detect_leaks=1')
            p = subprocess.run([sys.executable, '-c', code, BIN, 'body', '-j', '2', path],
                               capture_output=True, timeout=900, env=env)
            rc, kb = map(int, p.stdout.split())
            self.assertEqual(rc, 0, p.stderr)
            return kb

        small, big = make('small.jsonl', 4000), make('big.jsonl', 16000)
        size = os.path.getsize(big)
        self.assertGreater(size, 80_000_000)
        small_kb, big_kb = peak_kb(small), peak_kb(big)
        self.assertLess(big_kb, small_kb * 1.5 + 16 * 1024,
                        f'peak RSS {small_kb} kB for 4000 records but {big_kb} kB for 16000')
        with open(BIN, 'rb') as f:
            data = f.read()
            sanitized = b'AddressSanitizer' in data or b'__asan_init' in data
        if not sanitized:
            self.assertLess(big_kb * 1024, size / 4, f'peak RSS {big_kb} kB for a {size} byte file')


class Summaries(unittest.TestCase):
    def test_compare_of_summaries_is_compare_of_documents(self):
        files = corpus_files()
        with tempfile.TemporaryDirectory() as tmp:
            summ = os.path.join(tmp, 'summaries.jsonl')
            rc, _, err = run('extract', '--format', 'summary', '--with-text', '-o', summ, *files)
            self.assertEqual(rc, 0, err)
            for fmt in ('json', 'text', 'html'):
                rc, direct, err = run('compare', '--format', fmt, *files)
                self.assertEqual(rc, 0, err)
                rc, via, err = run('compare', '--format', fmt, summ)
                self.assertEqual(rc, 0, err)
                self.assertEqual(via, direct, fmt)
            self.assertGreater(len(json.loads(direct if fmt == 'json' else run('compare', '-f', 'json', summ)[1])
                                   ['documents']), 5)
            # shards of summaries concatenated in order are one corpus
            half = len(files) // 2
            s1, s2 = os.path.join(tmp, 's1.jsonl'), os.path.join(tmp, 's2.jsonl')
            self.assertEqual(run('extract', '-f', 'summary', '-o', s1, *files[:half])[0], 0)
            self.assertEqual(run('extract', '-f', 'summary', '-o', s2, *files[half:])[0], 0)
            rc, sharded, err = run('compare', '--format', 'json', s1, s2)
            self.assertEqual(rc, 0, err)
            rc, direct, err = run('compare', '--format', 'json', *files)
            self.assertEqual(sharded, direct)

    def test_bad_summary_is_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            p = os.path.join(tmp, 'bad.jsonl')
            with open(p, 'w') as f:
                f.write('{"quotediff-summary": 1, "path": "x", "statements": [{"type": "nonsense"}]}\n')
                f.write('{"quotediff-summary": 99, "path": "y"}\n')
            rc, _, err = run('compare', p)
            self.assertEqual(rc, 1)
            self.assertIn(p + ':1', err)
            self.assertIn(p + ':2', err)


if __name__ == '__main__':
    BIN = os.path.abspath(sys.argv.pop(1))
    ROOT = os.path.abspath(sys.argv.pop(1))
    unittest.main()
