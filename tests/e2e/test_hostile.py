#!/usr/bin/env python3
"""Hostile input: the command line on inputs made to break it.

usage: test_hostile.py QUOTEDIFF_BINARY SOURCE_ROOT [unittest args]

Every case asserts the exit status, what standard error says (the input's name and
what is wrong with it), and that the run stayed within a time and a memory bound: no
crash, no hang, no runaway allocation.  The bounds are loose enough for a debug build
and are widened automatically for sanitizer builds (ASan's shadow memory and slower
code), or by setting QD_SLOW=FACTOR.
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

BIN = None
ROOT = None
SLOW = 1.0


def is_sanitized(path):
    with open(path, 'rb') as f:
        data = f.read()
    # a static runtime holds its name; a shared one (gcc's default) leaves its entry points
    return b'AddressSanitizer' in data or b'__asan_init' in data


class Result:
    def __init__(self, rc, out, err, seconds, rss_mb):
        self.rc, self.out, self.seconds, self.rss_mb = rc, out, seconds, rss_mb
        self.err = err.decode('utf8', 'replace')

    def json(self):
        return [json.loads(line) for line in self.out.decode('utf8').splitlines() if line.strip()]


def run(*args, seconds=20, mb=400, stdin=b''):
    """Run quotediff, wait for it with os.wait4 to learn its peak memory, and check the
    bounds.  Output goes to files, so a huge output cannot block the child."""
    limit = seconds * SLOW
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        inp.write(stdin)
        inp.seek(0)
        t0 = time.monotonic()
        p = subprocess.Popen([BIN, *args], stdin=inp, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > limit:
                p.kill()
                os.wait4(p.pid, 0)
                raise AssertionError(f'{args}: still running after {limit:.0f} s')
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        seconds_used = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        r = Result(p.returncode, out.read(), err.read(), seconds_used, usage.ru_maxrss / 1024)
    if r.rc < 0:
        raise AssertionError(f'{args}: killed by signal {-r.rc}\n{r.err[-2000:]}')
    if 'Sanitizer' in r.err or 'runtime error' in r.err:
        raise AssertionError(f'{args}: sanitizer report\n{r.err[-4000:]}')
    if r.rss_mb > mb * SLOW:
        raise AssertionError(f'{args}: used {r.rss_mb:.0f} MB (bound {mb * SLOW:.0f} MB)')
    return r


# An article paragraph long enough to be taken for the article wherever it sits.
PARA = ('<p>"Deep down, we all knew the talks would fail," the foreign minister said on Friday, '
        'adding that both delegations had agreed to meet again in Geneva before the end of the year '
        'to discuss the remaining questions of the treaty.</p>')


def valid_utf8(b):
    try:
        b.decode('utf8')
        return True
    except UnicodeDecodeError:
        return False


class Hostile(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        p = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(data.encode('utf8') if isinstance(data, str) else data)
        return p

    def assert_named_failure(self, r, path, *words, rc=1):
        self.assertEqual(r.rc, rc, r.err)
        self.assertIn(os.path.basename(path), r.err)
        for w in words:
            self.assertRegex(r.err.lower(), w)
        self.assertNotIn('Traceback', r.err)

    # ---- files that are not what they seem ----------------------------------------

    def test_empty_file_every_command(self):
        p = self.write('empty.txt', b'')
        r = run('extract', p)
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual(r.json()[0]['quotes'], [])
        for fmt in ('text', 'md', 'html', 'json'):
            r = run('compare', '--format', fmt, p)
            self.assertEqual(r.rc, 0, r.err)
        r = run('body', p)
        self.assertEqual(r.rc, 0, r.err)

    def test_whitespace_only(self):
        p = self.write('blank.txt', b' \n\n\t\r\n   \n' * 1000)
        r = run('extract', p)
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual(r.json()[0]['quotes'], [])

    def test_directory_as_input(self):
        empty = os.path.join(self.dir, 'nothing')
        os.mkdir(empty)
        r = run('extract', empty)
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual(r.out, b'')

    def test_directory_with_symlink_loops(self):
        # two links back to the top at every level: following them blindly would
        # visit 2^64 paths
        top = os.path.join(self.dir, 'top')
        os.mkdir(top)
        self.write('top/a.txt', b'A headline\n\n"Fine," she said.\n')
        os.symlink('.', os.path.join(top, 'loop1'))
        os.symlink('..', os.path.join(top, 'loop2'))
        os.symlink('nowhere', os.path.join(top, 'dangling'))
        r = run('extract', top, seconds=20)
        self.assertLessEqual(r.rc, 1, r.err)
        paths = [rec['path'] for rec in r.json()]
        self.assertEqual(len(paths), len(set(os.path.realpath(p) for p in paths)), paths)
        self.assertEqual(len(paths), 1, paths)

    def test_missing_path(self):
        p = os.path.join(self.dir, 'missing.html')
        r = run('extract', p)
        self.assert_named_failure(r, p, 'no such file')

    def test_path_through_a_file(self):
        f = self.write('plain.txt', b'x')
        p = os.path.join(f, 'inside.txt')
        r = run('extract', p)
        self.assert_named_failure(r, p, 'not a directory')

    def test_unreadable_path(self):
        p = self.write('locked.txt', b'A title\n\n"Hi," he said.\n')
        os.chmod(p, 0)
        try:
            if os.access(p, os.R_OK):
                self.skipTest('running as root: permissions do not stop reading')
            r = run('extract', p)
            self.assert_named_failure(r, p, 'permission denied')
        finally:
            os.chmod(p, 0o600)

    def test_symlink_loop_as_input(self):
        p = os.path.join(self.dir, 'self.txt')
        os.symlink('self.txt', p)
        r = run('extract', p)
        self.assert_named_failure(r, p, 'symbolic links')

    def test_device_that_never_ends(self):
        # /dev/zero is endless: reading stops at the size limit
        r = run('extract', '--max-bytes', '1000000', '/dev/zero', seconds=20, mb=200)
        self.assert_named_failure(r, '/dev/zero', 'limit')

    # ---- bytes ----------------------------------------------------------------------

    def test_invalid_utf8_everywhere(self):
        junk = bytes(range(0x80, 0x100)) * 200 + b'\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xed\xa0\x80'
        p = self.write('junk.txt', b'Title here\n\n' + junk + b' "Quoted \xff words," he said. ' + junk)
        r = run('extract', '--with-text', p)
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn('junk.txt', r.err)
        self.assertTrue(valid_utf8(r.out))
        rec = r.json()[0]
        self.assertTrue(rec['warnings'])
        raw = open(p, 'rb').read()
        for q in rec['quotes']:
            for s in (q['content'] if isinstance(q['content'], list) else [q['content']]):
                self.assertLessEqual(s['end'], len(raw))

    def test_nul_bytes(self):
        p = self.write('nul.txt', b'Title\x00here\n\n"Hello\x00\x00 world," he\x00 said.\n' + b'\x00' * 100000)
        r = run('extract', '--with-text', p)
        self.assertEqual(r.rc, 0, r.err)
        rec = r.json()[0]
        self.assertNotIn('\x00', rec['text'])
        self.assertIn('nul.txt', r.err)

    def test_binary_garbage(self):
        data = bytes((i * 7919 + 13) % 256 for i in range(1 << 20))
        p = self.write('garbage.bin', data)
        r = run('extract', p, seconds=60, mb=600)
        self.assertLessEqual(r.rc, 1, r.err)
        self.assertTrue(valid_utf8(r.out))

    def test_control_characters_never_reach_a_terminal_report(self):
        p = self.write('ctl.txt', b'Title\x1b]0;pwned\x07 line\n\n"Clear\x1b[2J the screen\x1b[31m," he said.\x08\x08\n')
        for args in (('extract', '--format', 'text'), ('compare', '--format', 'text'), ('extract',)):
            r = run(*args, p)
            self.assertEqual(r.rc, 0, r.err)
            self.assertNotIn(b'\x1b', r.out, args)
            self.assertNotIn(b'\x07', r.out, args)
            self.assertNotIn(b'\x08', r.out, args)

    def test_control_characters_never_reach_a_terminal_from_messages(self):
        import pty
        name = os.path.join(self.dir, 'evil\x1b]0;pwned\x07\x1b[2J.txt')
        master, slave = pty.openpty()
        try:
            p = subprocess.run([BIN, 'extract', name], stdout=subprocess.DEVNULL, stderr=slave, timeout=30)
            os.close(slave)
            slave = -1
            err = b''
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                err += chunk
        finally:
            if slave >= 0:
                os.close(slave)
            os.close(master)
        self.assertEqual(p.returncode, 1)
        self.assertIn(b'evil', err)
        self.assertIn(b'No such file', err)
        self.assertNotIn(b'\x1b', err)
        self.assertNotIn(b'\x07', err)

    def test_gzip_bomb(self):
        bomb = gzip.compress(b'\0' * (200 << 20), compresslevel=9)  # 200 MB of zeros in ~200 kB
        p = self.write('bomb.txt.gz', bomb)
        r = run('extract', p, seconds=30, mb=300)
        self.assert_named_failure(r, p, 'limit')

    def test_corrupt_and_truncated_gzip(self):
        good = gzip.compress(b'A title\n\n"Hello," he said.\n' * 100)
        p = self.write('cut.txt.gz', good[:len(good) // 2])
        r = run('extract', p)
        self.assert_named_failure(r, p, 'gzip')
        p = self.write('bad.txt.gz', good[:10] + b'\xff' * 50 + good[60:])
        r = run('extract', p)
        self.assert_named_failure(r, p, 'gzip')

    # ---- size --------------------------------------------------------------------

    def test_100mb_line_refused_quickly_by_default(self):
        p = os.path.join(self.dir, 'line.txt')
        with open(p, 'wb') as f:
            f.write(b'Title\n\n')
            chunk = b'"quote" and more words ' * 4096
            for _ in range((100 << 20) // len(chunk) + 1):
                f.write(chunk)
        r = run('extract', p, seconds=20, mb=300)
        self.assert_named_failure(r, p, 'limit')
        self.assertIn('--max-bytes', r.err)

    def test_long_line_within_limit(self):
        p = self.write('line.txt', b'Title\n\n' + b'"quote" and more words ' * 100000)  # 2.3 MB, one line
        r = run('extract', p, seconds=60, mb=1000)
        self.assertEqual(r.rc, 0, r.err)

    def test_long_word(self):
        p = self.write('word.txt', b'Title\n\n"' + b'x' * 3000000 + b'," he said.\n')
        r = run('extract', p, seconds=30, mb=600)
        self.assertEqual(r.rc, 0, r.err)

    def test_long_name(self):
        # a name longer than any lexicon key (once overflowed a stack buffer)
        name = ' '.join(f'Aleksandrovich{i:02d}' for i in range(60))
        p = self.write('name.txt', f'Talks end\n\n"We would like normal relations," said {name}.\n')
        r = run('extract', p)
        self.assertEqual(r.rc, 0, r.err)

    def test_many_paragraphs(self):
        p = self.write('paras.txt', b'Title\n\n' + b'"Yes," he said.\n\n' * 100000)
        r = run('extract', p, seconds=60, mb=1000)
        self.assertEqual(r.rc, 0, r.err)

    def test_max_bytes_must_be_sane(self):
        p = self.write('a.txt', b'A title\n\n"Hi," he said.\n')
        for bad in ('0', '-1', 'abc', '99999999999999999999999', '1e9', '12x'):
            r = run('extract', '--max-bytes', bad, p)
            self.assertEqual(r.rc, 2, (bad, r.err))
            self.assertIn('--max-bytes', r.err)
        # offsets are 32-bit: a larger limit is refused rather than silently wrapped
        r = run('extract', '--max-bytes', str(1 << 33), p)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn('--max-bytes', r.err)

    def test_compare_has_the_limits_too(self):
        p = self.write('big.txt', b'word ' * 5000)
        r = run('compare', '--max-bytes', '1000', p)
        self.assert_named_failure(r, p, 'limit')
        r = run('compare', '--max-depth', '0', p)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn('--max-depth', r.err)

    # ---- quotation marks -------------------------------------------------------------

    def test_1e5_quote_marks(self):
        p = self.write('quotes.txt', 'Title line\n\n' + '"' * 100000 + '\n')
        r = run('extract', p, seconds=30, mb=600)
        self.assertEqual(r.rc, 0, r.err)
        p = self.write('mixed.txt', 'Title line\n\n' +
                       ' '.join('\u201cword\u201d said Smith "x \u2018y \u00ab' for _ in range(20000)) + '\n')
        r = run('extract', p, seconds=60, mb=1000)
        self.assertEqual(r.rc, 0, r.err)
        p = self.write('nested.txt', 'Title line\n\n' + '\u201c\u2018' * 50000 + 'deep' + '\u2019\u201d' * 50000 + ' he said.\n')
        r = run('extract', p, seconds=30, mb=600)
        self.assertEqual(r.rc, 0, r.err)

    def test_unclosed_everything_text(self):
        p = self.write('open.txt', 'Title (with [brackets {and \u201cquotes\n\n' +
                       '"He said (that [it {was \u201cnever \u2018closed, and «more' * 2000 + '\n')
        r = run('extract', p, seconds=30, mb=600)
        self.assertEqual(r.rc, 0, r.err)

    # ---- HTML ------------------------------------------------------------------------

    def html(self, name, body, head=''):
        return self.write(name, '<!DOCTYPE html><html><head>' + head + '</head><body>' + body + '</body></html>')

    def test_1e6_nested_tags(self):
        p = self.write('deep.html', '<!DOCTYPE html><html><body>' + '<div>' * 1000000 + PARA +
                       '</div>' * 1000000 + '</body></html>')
        r = run('extract', p, seconds=60, mb=1500)
        # flattened (read, and the text is found) or refused with a message naming the limit
        if r.rc == 0:
            self.assertIn('Deep down', json.dumps(r.json()))
        else:
            self.assert_named_failure(r, p, 'nest|deep|depth')
        p = self.write('unclosed-deep.html', '<html><body>' + '<span><b><i>' * 333334 + 'text "here," she said.')
        r = run('extract', p, seconds=60, mb=1500)
        self.assertLessEqual(r.rc, 1, r.err)

    def test_max_depth_option(self):
        p = self.html('d.html', '<div>' * 50 + PARA + '</div>' * 50)
        r = run('extract', '--max-depth', '10', p)
        self.assertLessEqual(r.rc, 1, r.err)
        if r.rc:
            self.assertRegex(r.err, 'd.html.*(depth|nest)')
        else:
            self.assertIn('Deep down', json.dumps(r.json()))
        for bad in ('0', '-3', 'x', '99999999999'):
            r = run('extract', '--max-depth', bad, p)
            self.assertEqual(r.rc, 2, r.err)
            self.assertIn('--max-depth', r.err)

    def test_unclosed_everything_html(self):
        p = self.write('open.html', '<html><head><title>Unclosed <b>title<body><p>"One," he said.<div><table><tr><td>'
                       '<script>var x = "<p>never text</p>";<!-- <style>p{} <![CDATA[ &amp &#x &#99999999999; <a href="')
        r = run('extract', '--with-text', p, seconds=20)
        self.assertLessEqual(r.rc, 1, r.err)
        self.assertTrue(valid_utf8(r.out))
        if r.rc == 0:
            self.assertNotIn('var x', r.json()[0]['text'])

    def test_html_entities_out_of_range(self):
        p = self.html('ent.html', '<p>&#0;&#x0; &#xD800; &#x110000; &#99999999999999999999; &#-1; &bogus; '
                      '&#x1F600; "Fine," she said.</p>')
        r = run('extract', '--with-text', p)
        self.assertLessEqual(r.rc, 1, r.err)
        self.assertTrue(valid_utf8(r.out))
        if r.rc == 0:
            self.assertNotIn('\x00', r.json()[0]['text'])

    def test_charset_lie_latin1_claimed_utf8_held(self):
        p = self.write('lie1.html', '<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>T</title></head>'
                       '<body><p>"C\'est réglé," a déclaré le ministre à Genève.</p></body></html>')
        r = run('extract', '--with-text', p)
        self.assertEqual(r.rc, 0, r.err)
        text = r.json()[0]['text']
        self.assertIn('réglé', text)
        self.assertNotIn('Ã©', text)

    def test_charset_lie_utf8_claimed_latin1_held(self):
        p = self.write('lie2.html', ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title></head>'
                                     '<body><p>"C\'est réglé," a déclaré le ministre à Genève.</p></body></html>')
                       .encode('latin-1'))
        r = run('extract', '--with-text', p)
        self.assertEqual(r.rc, 0, r.err)
        self.assertTrue(valid_utf8(r.out))
        self.assertIn('réglé', r.json()[0]['text'])

    def test_charset_unknown_or_contradictory(self):
        p = self.write('lie3.html', b'<!DOCTYPE html><html><head><meta charset="x-no-such-charset">'
                       b'<meta http-equiv="Content-Type" content="text/html; charset=utf-16">'
                       b'<title>T</title></head><body><p>"Plain words," she said.</p></body></html>')
        r = run('extract', '--with-text', p)
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn('Plain words', r.json()[0]['text'])

    # ---- JSON ------------------------------------------------------------------------

    def test_json_of_the_wrong_shape(self):
        cases = {
            'array.json': '[1, 2, 3]',
            'string.json': '"just a string"',
            'number.json': '12345',
            'null.json': 'null',
            'text-number.json': '{"text": 5}',
            'text-object.json': '{"text": {"nested": "no"}}',
            'no-text.json': '{"url": "https://example.com/a", "title": "No body"}',
            'empty-object.json': '{}',
            'truncated.json': '{"text": "unterminated',
            'trailing.json': '{"text": "fine"} garbage',
        }
        for name, data in cases.items():
            p = self.write(name, data)
            r = run('extract', '--input-kind', 'json', p)
            self.assertIn(r.rc, (0, 1), (name, r.err))
            if r.rc == 1:
                self.assertIn(name, r.err)
            else:
                self.assertTrue(all(isinstance(x, dict) for x in r.json()), name)

    def test_jsonl_bad_records_do_not_stop_good_ones(self):
        good = json.dumps({'url': 'https://example.com/a', 'title': 'A title',
                           'text': '"We lost," Trump said on Tuesday.'})
        p = self.write('mixed.jsonl', '\n'.join([good, '[1,2]', '{"text": 5}', '{broken', '', good]) + '\n')
        r = run('extract', p)
        self.assertEqual(r.rc, 1, r.err)
        self.assertEqual(len(r.json()), 2, r.err)
        self.assertRegex(r.err, r'mixed\.jsonl:?\D*(2|3|4)')

    def test_json_deep_nesting(self):
        p = self.write('deep.json', '[' * 1000000 + ']' * 1000000)
        r = run('extract', p, seconds=30, mb=800)
        self.assert_named_failure(r, p, 'deep|depth|nest')
        p = self.write('deep-obj.json', '{"text": "x", "a": ' + '{"a": ' * 100000 + '1' + '}' * 100000 + '}')
        r = run('extract', p, seconds=30, mb=800)
        self.assertIn(r.rc, (0, 1), r.err)
        if r.rc:
            self.assertIn('deep-obj.json', r.err)

    def test_huge_numbers_and_dates(self):
        rec = {'url': 'https://example.com/a', 'title': 'Numbers', 'text': '"Big," he said.',
               'date': '99999999-99-99T99:99:99Z'}
        raw = json.dumps(rec)[:-1] + ', "n": 1e999999, "m": -1e999999, "id": 123456789012345678901234567890}'
        p = self.write('nums.json', raw)
        r = run('extract', p)
        self.assertIn(r.rc, (0, 1), r.err)
        if r.rc == 0:
            self.assert_sane_date(r.json()[0]['date'])
        text = ('Headline of the story\n\nDecember 99999999999, 2024\nJanuary 32, 20245\n2024-13-45\n'
                '99999999999999999999-01-01 99:99\n\n"Dates," he said.\n')
        p = self.write('dates.txt', text)
        r = run('extract', p)
        self.assertEqual(r.rc, 0, r.err)
        self.assert_sane_date(r.json()[0]['date'])
        r = run('extract', '--manifest', self.write('m.tsv', f'path\tdate\n{p}\t99999999999-12-31\n'), p)
        self.assertIn(r.rc, (0, 1), r.err)
        if r.rc == 0:
            self.assert_sane_date(r.json()[0]['date'])
        r = run('compare', '--event-days', '99999999999999999999', p)
        self.assertEqual(r.rc, 2, r.err)
        for bad in ('nan', 'inf', '-0.5', '1e400'):
            r = run('compare', '--event-threshold', bad, p)
            self.assertEqual(r.rc, 2, (bad, r.err))

    def test_hostile_manifests(self):
        p = self.write('a.txt', b'A title line\n\n"Fine," she said.\n')
        cases = {
            'empty.tsv': b'',
            'binary.tsv': bytes(range(256)) * 100,
            'no-path.tsv': b'url\toutlet\nhttps://x\ty\n',
            'wide.tsv': ('path\t' + '\t'.join(f'c{i}' for i in range(100000)) + f'\n{p}\t' + 'x\t' * 100000 + '\n').encode(),
            'long.tsv': b'path\turl\n' + p.encode() + b'\t' + b'u' * 5000000 + b'\n',
            'ragged.tsv': ('path\turl\toutlet\ttitle\tdate\n' + f'{p}\n{p}\t\t\t\t\t\t\t\n\t\t\n').encode(),
        }
        for name, data in cases.items():
            r = run('extract', '--manifest', self.write(name, data), p, seconds=20, mb=500)
            self.assertIn(r.rc, (0, 1, 2), (name, r.err))
            if r.rc:
                self.assertIn(name, r.err)
            else:
                self.assertEqual(len(r.json()), 1, name)

    def assert_sane_date(self, date):
        if date is None:
            return
        m = re.match(r'^(\d{4})-(\d{2})(?:-(\d{2}))?', date)
        self.assertTrue(m, date)
        self.assertTrue(1 <= int(m.group(2)) <= 12, date)
        if m.group(3):
            self.assertTrue(1 <= int(m.group(3)) <= 31, date)


def main():
    global BIN, ROOT, SLOW
    BIN = os.path.abspath(sys.argv[1])
    ROOT = os.path.abspath(sys.argv[2])
    SLOW = float(os.environ.get('QD_SLOW', '0') or 0) or (4.0 if is_sanitized(BIN) else 1.0)
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[3:])


if __name__ == '__main__':
    main()
