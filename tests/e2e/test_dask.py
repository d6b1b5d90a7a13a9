#!/usr/bin/env python3
"""The Dask driver (dist/quotediff_dask.py) against the single-machine run.

usage: test_dask.py QUOTEDIFF_BINARY SOURCE_ROOT

Starts a LocalCluster of two worker processes on the loopback interface, has the
driver shard the repository's articles into several shards, extract their summaries on
the workers, merge and compare, and checks that the report is the one `quotediff
compare` makes of the same files on one machine.  Skipped, with the reason, only when
Dask is missing or the cluster cannot start.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BIN = None
ROOT = None


def inputs():
    out = []
    for d in ('corpora/lavrov-blinken', 'tests/fixtures/framing', 'tests/fixtures/polnear'):
        out.append(os.path.join(ROOT, d))
    return out


class Dask(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        try:
            import dask.distributed  # noqa: F401
        except ImportError as e:
            raise unittest.SkipTest(f'dask.distributed is not installed ({e}): apt-get install python3-distributed')
        sys.path.insert(0, os.path.join(ROOT, 'dist'))
        import quotediff_dask
        cls.driver = quotediff_dask
        # can a loopback cluster start here at all?  (sandboxes without sockets cannot)
        from dask.distributed import Client, LocalCluster
        try:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host='127.0.0.1',
                                   dashboard_address=None)
        except Exception as e:  # noqa: BLE001 - any failure to start is a reason to skip
            raise unittest.SkipTest(f'a local Dask cluster cannot start here: {e!r}')
        with Client(cluster) as client:
            n = len(client.scheduler_info()['workers'])
        cluster.close()
        if n != 2:
            raise unittest.SkipTest(f'the local Dask cluster started {n} workers instead of 2')

    def test_sharded_run_equals_single_machine(self):
        with tempfile.TemporaryDirectory() as tmp:
            single = os.path.join(tmp, 'single.json')
            p = subprocess.run([BIN, 'compare', '--format', 'json', '-o', single, *inputs()], capture_output=True,
                               timeout=300)
            self.assertEqual(p.returncode, 0, p.stderr)
            sharded = os.path.join(tmp, 'dask.json')
            summaries = os.path.join(tmp, 'summaries.jsonl')
            rc = self.driver.main(['--local-workers', '2', '--shards', '5', '--quotediff', BIN, '-f', 'json', '-o',
                                   sharded, '--keep-summaries', summaries, *inputs()])
            self.assertEqual(rc, 0)
            with open(single, 'rb') as f:
                a = f.read()
            with open(sharded, 'rb') as f:
                b = f.read()
            self.assertEqual(a, b)  # byte for byte
            doc = json.loads(a)
            self.assertGreaterEqual(len(doc['documents']), 10)
            self.assertGreater(len(doc['events']), 1)
            # the merged summaries are those one machine writes, line for line
            p = subprocess.run([BIN, 'extract', '--format', 'summary', *inputs()], capture_output=True, timeout=300)
            self.assertEqual(p.returncode, 0, p.stderr)
            with open(summaries, 'rb') as f:
                self.assertEqual(f.read(), p.stdout)

    def test_shards_are_contiguous_and_complete(self):
        paths = self.driver.expand(inputs())
        for k in (1, 2, 3, 7, 100):
            shards = self.driver.shards_of(paths, k)
            self.assertEqual([p for s in shards for p in s], paths)
            self.assertLessEqual(len(shards), k)
            self.assertTrue(all(shards))


def system_python_with_dask():
    """Debian's python3-distributed is installed for the system Python; the tests may
    have been started by another one."""
    try:
        import dask.distributed  # noqa: F401
        return None
    except ImportError:
        pass
    cand = '/usr/bin/python3'
    if os.path.exists(cand) and os.path.realpath(cand) != os.path.realpath(sys.executable):
        p = subprocess.run([cand, '-c', 'import dask.distributed'], capture_output=True)
        if p.returncode == 0:
            return cand
    return None


if __name__ == '__main__':
    other = system_python_with_dask()
    if other:
        os.execv(other, [other, os.path.abspath(__file__), *sys.argv[1:]])
    BIN = os.path.abspath(sys.argv.pop(1))
    ROOT = os.path.abspath(sys.argv.pop(1))
    result = unittest.main(exit=False).result
    # nothing ran (no Dask, no cluster): 77 makes meson report SKIP rather than OK
    if result.wasSuccessful() and result.skipped and result.testsRun <= len(result.skipped):
        sys.exit(77)
    sys.exit(0 if result.wasSuccessful() else 1)
