#!/usr/bin/env python3
"""Reports are whole or absent, and an output never replaces an input.

usage: test_output_safety.py QUOTEDIFF_BINARY SOURCE_ROOT [unittest args]

The command is killed (SIGKILL, SIGTERM, SIGINT) at many moments of a run that writes
a report; each time the target must hold either its old content or the whole new
report, and nothing may be left beside it.  Outputs that name an input (directly, by a
hard or symbolic link, or through `body -o DIR`) are refused and the input is kept;
devices and pipes given as -o are written to, not replaced; errors name the output.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

BIN = None
ROOT = None
SEEDS = None

OLD = b'the previous report\n'


def run(*args, timeout=120):
    p = subprocess.run([BIN, *args], capture_output=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode('utf8', 'replace')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


class Killed(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        # a run long enough to be caught in every phase: the seeds, many times over
        self.inputs = [SEEDS, os.path.join(ROOT, 'tests', 'fixtures', 'polnear')] * 8

    def tearDown(self):
        self.tmp.cleanup()

    def kill_at_moments(self, args, out, whole):
        """Run args, kill it after various delays, check out each time."""
        t0 = time.monotonic()
        rc, _, err = run(*args)
        full = time.monotonic() - t0
        self.assertEqual(rc, 0, err)
        new = read(out)
        self.assertTrue(whole(new))
        moments = [0.0, 0.02, 0.05] + [full * f for f in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95, 0.99, 1.02)]
        sigs = [signal.SIGKILL, signal.SIGTERM, signal.SIGINT]
        seen_old = seen_new = 0
        for i, delay in enumerate(moments):
            with open(out, 'wb') as f:
                f.write(OLD)
            p = subprocess.Popen([BIN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(sigs[i % len(sigs)])
            p.wait(timeout=60)
            got = read(out)
            if got == OLD:
                seen_old += 1
            else:
                # the output is deterministic: a finished report is exactly the first one
                self.assertEqual(got, new, f'half a report after {delay:.2f}s: {len(got)} bytes')
                seen_new += 1
            left = sorted(os.listdir(os.path.dirname(out)))
            self.assertEqual(left, [os.path.basename(out)], f'left behind after {delay:.2f}s')
        self.assertGreater(seen_old, 0)

    def test_compare_report(self):
        out = os.path.join(self.dir, 'out', 'report.html')
        os.mkdir(os.path.dirname(out))
        self.kill_at_moments(['compare', '--format', 'html', '-o', out, *self.inputs], out,
                             lambda b: b.startswith(b'<!DOCTYPE html>') and b.endswith(b'</html>\n'))

    def test_extract_stream(self):
        out = os.path.join(self.dir, 'out', 'all.jsonl')
        os.mkdir(os.path.dirname(out))
        def whole(b):
            lines = b.decode('utf8').splitlines()
            return len(lines) > 40 and all(json.loads(x)['path'] for x in lines)
        self.kill_at_moments(['extract', '-j', '1', '-o', out, *self.inputs], out, whole)

    def test_failed_input_still_whole(self):
        out = os.path.join(self.dir, 'r.json')
        rc, _, err = run('compare', '--format', 'json', '-o', out, SEEDS, os.path.join(self.dir, 'missing.txt'))
        self.assertEqual(rc, 1)
        self.assertIn('missing.txt', err)
        self.assertEqual(len(json.loads(read(out))['documents']), 5)


class NeverOverInput(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.input = os.path.join(self.dir, 'in.txt')
        with open(self.input, 'wb') as f:
            f.write(b'A title line\n\n"We lost," Trump said on Tuesday.\n')
        self.before = read(self.input)

    def tearDown(self):
        self.tmp.cleanup()

    def refused(self, *args, out):
        rc, _, err = run(*args)
        self.assertEqual(rc, 2 if args[0] != 'body' else 1, err)
        self.assertIn('overwrite an input', err)
        self.assertIn(os.path.basename(out), err)
        self.assertEqual(read(self.input), self.before)

    def test_same_path(self):
        for cmd in (['extract'], ['compare', '--format', 'html']):
            self.refused(*cmd, '-o', self.input, self.input, out=self.input)

    def test_input_found_in_a_directory(self):
        self.refused('compare', '-o', self.input, self.dir, out=self.input)

    def test_hard_and_symbolic_links(self):
        hard = os.path.join(self.dir, 'hard.txt')
        os.link(self.input, hard)
        self.refused('extract', '-o', hard, self.input, out=hard)
        sym = os.path.join(self.dir, 'sym.txt')
        os.symlink(self.input, sym)
        self.refused('extract', '-o', self.input, sym, out=self.input)

    def test_body_into_the_inputs_directory(self):
        self.refused('body', '-o', self.dir, self.input, out=self.input)


class Targets(unittest.TestCase):
    def test_devices_are_written_not_replaced(self):
        before = os.stat('/dev/null')
        rc, _, err = run('extract', '-o', '/dev/null', SEEDS)
        self.assertEqual(rc, 0, err)
        after = os.stat('/dev/null')
        self.assertEqual((before.st_ino, before.st_rdev), (after.st_ino, after.st_rdev))
        if os.path.exists('/dev/full'):
            rc, _, err = run('extract', '-o', '/dev/full', SEEDS)
            self.assertEqual(rc, 1)
            self.assertIn('/dev/full', err)

    def test_pipe(self):
        with tempfile.TemporaryDirectory() as d:
            fifo = os.path.join(d, 'fifo')
            os.mkfifo(fifo)
            p = subprocess.Popen([BIN, 'compare', '--format', 'json', '-o', fifo, SEEDS],
                                 stderr=subprocess.PIPE)
            with open(fifo, 'rb') as f:
                data = f.read()
            self.assertEqual(p.wait(timeout=60), 0)
            self.assertEqual(len(json.loads(data)['documents']), 5)
            self.assertTrue(os.path.exists(fifo) and not os.path.isfile(fifo))

    def test_unwritable_targets(self):
        with tempfile.TemporaryDirectory() as d:
            rc, _, err = run('extract', '-o', d, SEEDS)
            self.assertEqual(rc, 1)
            self.assertIn('directory', err.lower())
            missing = os.path.join(d, 'no', 'such', 'dir', 'out.jsonl')
            rc, _, err = run('extract', '-o', missing, SEEDS)
            self.assertEqual(rc, 1)
            self.assertIn('out.jsonl', err)
            self.assertEqual(os.listdir(d), [])


def main():
    global BIN, ROOT, SEEDS
    BIN = os.path.abspath(sys.argv[1])
    ROOT = os.path.abspath(sys.argv[2])
    SEEDS = os.path.join(ROOT, 'corpora', 'lavrov-blinken')
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[3:])


if __name__ == '__main__':
    main()
