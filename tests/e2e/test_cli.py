#!/usr/bin/env python3
"""End-to-end tests of the quotediff command line.

usage: test_cli.py QUOTEDIFF_BINARY SOURCE_ROOT

Runs the binary the way users do and checks what they rely on: the seed corpus read
end to end (metadata, speakers, offsets that slice out exactly the reported text,
furniture that never yields a quote), attribution quality on a few hand-annotated
articles, and the behaviour on bad input (clear message naming the file, non-zero exit,
no crash, no half-written report).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

BIN = None
ROOT = None
SEEDS = None


def run(*args, stdin=None, timeout=60):
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode('utf8', 'replace')


def extract(*paths, extra=()):
    rc, out, err = run('extract', *extra, *paths)
    if rc != 0:
        raise AssertionError(f'extract failed ({rc}): {err}')
    return [json.loads(line) for line in out.decode('utf8').splitlines() if line.strip()]


def readb(path):
    with open(path, 'rb') as f:
        return f.read()


def seed(name):
    for f in sorted(os.listdir(SEEDS)):
        if f.startswith(name):
            return os.path.join(SEEDS, f)
    raise AssertionError(f'no seed {name}')


def speaker_of(rec, needle):
    """Canonical speaker of the most specific statement whose content holds needle."""
    best = None
    for q in rec['quotes']:
        pieces = q['content'] if isinstance(q['content'], list) else [q['content']]
        text = ' '.join(p['text'] for p in pieces)
        if needle in text and (best is None or len(text) < best[0]):
            best = (len(text), q)
    if best is None:
        raise AssertionError(f'no statement holds {needle!r}')
    sp = best[1]['speaker']
    return sp['name'] if sp else None


class Seeds(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.recs = {os.path.basename(r['path'])[:3]: r
                    for r in extract(SEEDS, extra=('--paragraphs',))}

    def test_every_seed_is_read(self):
        self.assertEqual(sorted(self.recs), ['000', '001', '002', '003', '004'])

    def test_metadata(self):
        want = {
            '000': ('Lavrov: Russia, US maintain unofficial communication channels for prisoner exchanges',
                    '2024-12-06T11:19', 'Caliber.Az', 'Aghakazim Guliyev'),
            '001': ('Frank and direct conversation. What Lavrov and Blinken discussed', None, None, None),
            '002': ('Russia urges US to act on diplomatic relations, ready for meaningful negotiations',
                    '2024-12-26T17:40', 'Caliber.Az', 'Tamilla Hasanova'),
            '003': ('Lavrov: Moscow and Washington are working to activate contacts between them',
                    '2021-10-14T11:15:48.017Z', 'The Limited Times', None),
            '004': ('The first confrontation between Lavrov and Blinken and the emphasis on resolving the '
                    'Russia-US dispute', '2021-12-05', 'News i', None),
        }
        for k, (title, date, outlet, byline) in want.items():
            r = self.recs[k]
            self.assertEqual((r['title'], r['date'], r['outlet'], r['byline']), (title, date, outlet, byline), k)
        self.assertEqual(self.recs['003']['credit'], 'SANA')

    def test_offsets_slice_the_input(self):
        for k, r in self.recs.items():
            raw = readb(r['path'])
            for q in r['quotes']:
                spans = q['content'] if isinstance(q['content'], list) else [q['content']]
                for s in spans + [x for x in (q['speaker'], q['cue']) if x and 'start' in x]:
                    self.assertEqual(raw[s['start']:s['end']].decode('utf8'), s['text'], k)

    def test_furniture_never_yields_a_quote(self):
        for k, r in self.recs.items():
            furniture = [(p['start'], p['end']) for p in r['paragraphs'] if p['role'] == 'furniture']
            for q in r['quotes'] + r['quoted_terms']:
                spans = q['content'] if 'content' in q else q
                for s in (spans if isinstance(spans, list) else [spans]):
                    for a, b in furniture:
                        self.assertFalse(a <= s['start'] < b, f'{k}: quote in furniture: {s["text"]}')
        # the teaser in the page header quotes "mission": it must not appear at all
        texts = [t['text'] for t in self.recs['000']['quoted_terms']]
        self.assertNotIn('mission', texts)

    def test_speakers(self):
        r = self.recs
        self.assertEqual(speaker_of(r['000'], 'We would like to have normal relations'), 'Sergei Lavrov')
        self.assertEqual(speaker_of(r['000'], 'Ukrainians would not have been able'), 'Sergei Lavrov')
        self.assertEqual(speaker_of(r['001'], 'I insisted that the Kremlin'), 'Antony Blinken')
        self.assertEqual(speaker_of(r['001'], 'Regarding the possible exchange'), 'Russian Foreign Ministry')
        self.assertEqual(speaker_of(r['002'], 'Even during wars'), 'Sergei Lavrov')
        self.assertEqual(speaker_of(r['002'], 'failed attempt'), 'Keith Kellogg')
        self.assertEqual(speaker_of(r['003'], 'When we find a time frame'), 'Sergei Lavrov')
        self.assertEqual(speaker_of(r['004'], 'test the proposition'), 'Antony Blinken')
        self.assertEqual(speaker_of(r['004'], 'constructive'), 'Sergei Lavrov')

    def test_one_speaker_however_spelled(self):
        names = set()
        for r in self.recs.values():
            for s in r['speakers']:
                if 'lavrov' in s['key']:
                    names.add(s['name'])
        self.assertEqual(names, {'Sergei Lavrov'})

    def test_role_conflict_flagged(self):
        lav = [s for s in self.recs['004']['speakers'] if s['name'] == 'Sergei Lavrov'][0]
        self.assertIsNotNone(lav['role_conflict'])
        self.assertIn('secretary of state', lav['role_conflict'])

    def test_scare_quotes_are_not_statements(self):
        terms = [(t['type'], t['text']) for t in self.recs['002']['quoted_terms']]
        self.assertIn(('scare', 'special military operation.'), terms)

    def test_text_report(self):
        rc, out, err = run('extract', '--format', 'text', seed('000'))
        self.assertEqual(rc, 0, err)
        text = out.decode('utf8')
        self.assertIn('Sergei Lavrov', text)
        self.assertIn('cue: remarked', text)
        self.assertNotIn('\x1b[', text)  # no colours into a pipe

    def test_compare(self):
        rc, out, err = run('compare', '--format', 'json', SEEDS)
        self.assertEqual(rc, 0, err)
        data = json.loads(out)
        # five different events (an interview, a phone call, a meeting, a press
        # conference, remarks on contacts): none merged, one thread links them all
        self.assertEqual(len(data['events']), 5)
        paths = sorted(d['path'] for e in data['events'] for d in e['documents'])
        self.assertEqual(paths, sorted(r['path'] for r in self.recs.values()))
        self.assertEqual(len(data['threads']), 1)
        self.assertEqual(sorted(data['threads'][0]['events']), [0, 1, 2, 3, 4])
        # Lavrov and Blinken are one speaker each across outlets
        keys = [s['key'].split('|')[0] for s in data['speakers'] if s['kind'] == 'person']
        self.assertEqual(keys.count('lavrov'), 1)
        self.assertEqual(keys.count('blinken'), 1)
        self.assertIn('Sergei Lavrov', [s['name'] for s in data['speakers']])
        self.assertIn('Antony Blinken', [s['name'] for s in data['speakers']])
        for fmt, marker in (('text', 'Share of voice'), ('md', '## Event'), ('html', '<section id="e1">')):
            rc, out, err = run('compare', '--format', fmt, SEEDS)
            self.assertEqual(rc, 0, err)
            self.assertIn(marker, out.decode('utf8'))

    def test_compare_framing(self):
        # how each outlet tells it: Caliber.Az scare-quotes "special military operation"
        # (002: Russia's "special military operation."), and the verbs for Lavrov
        rc, out, err = run('compare', '--format', 'json', SEEDS)
        self.assertEqual(rc, 0, err)
        outlets = {o['outlet']: o for o in json.loads(out)['framing']['outlets']}
        cal = outlets['Caliber.Az']
        self.assertIn('special military operation', [t['term'] for t in cal['scare_quotes']])
        lavrov = [s for s in cal['speakers'] if s['speaker'] == 'Sergei Lavrov'][0]
        self.assertEqual(lavrov['side'], 'Russia')
        self.assertIn('emphasize', [v['verb'] for v in lavrov['verbs']])
        for fmt, marker in (('text', 'How each outlet tells the story'), ('md', '## How each outlet tells the story'),
                            ('html', '<svg class="chart"')):
            rc, out, err = run('compare', '--format', fmt, SEEDS)
            self.assertEqual(rc, 0, err)
            self.assertIn(marker, out.decode('utf8'))


def read_ann(path):
    """Brat standoff attributions: list of (content pieces, source pieces)."""
    spans, out = {}, []
    for line in readb(path).decode('utf8').splitlines():
        parts = line.rstrip('\n').split('\t')
        if len(parts) < 2:
            continue
        if parts[0].startswith('T'):
            kind, *rest = parts[1].split(' ')
            spans[parts[0]] = [tuple(map(int, p.split())) for p in ' '.join(rest).split(';')]
        elif parts[0].startswith('E'):
            roles = dict(re.sub(r'\d+:', ':', x).split(':') for x in parts[1].split())
            if 'Content' in roles and roles['Content'] in spans:
                out.append((spans[roles['Content']], spans.get(roles.get('Source'))))
    return out


class Annotated(unittest.TestCase):
    """A few articles with hand-annotated attributions (PolNeAR): quotes must be found and
    credited to the annotated source."""

    def test_direct_quotes_found_and_credited(self):
        fixdir = os.path.join(ROOT, 'tests', 'fixtures', 'polnear')
        texts = sorted(f for f in os.listdir(fixdir) if f.endswith('.txt'))
        found = credited = total = with_source = 0
        for f in texts:
            path = os.path.join(fixdir, f)
            raw = readb(path)
            text = raw.decode('utf8')
            # byte offsets -> character offsets
            b2c = {}
            c = -1
            for i, byte in enumerate(raw):
                if byte & 0xC0 != 0x80:
                    c += 1
                b2c[i] = c
            b2c[len(raw)] = c + 1
            rec = extract(path)[0]
            preds = []
            for q in rec['quotes']:
                pieces = q['content'] if isinstance(q['content'], list) else [q['content']]
                chars = set()
                for p in pieces:
                    chars.update(range(b2c[p['start']], b2c[p['end']]))
                spk = set()
                if q['speaker'] and 'start' in q['speaker']:
                    spk = set(range(b2c[q['speaker']['start']], b2c[q['speaker']['end']]))
                preds.append((chars, spk))
            for content, source in read_ann(path[:-4] + '.ann'):
                ctext = ''.join(text[a:b] for a, b in content)
                if not any(ch in ctext for ch in '"\u201c\u201d'):
                    continue
                total += 1
                gold = set(i for a, b in content for i in range(a, b) if not text[i].isspace())
                best = max(preds, key=lambda p: len(p[0] & gold), default=None)
                if best and best[0] & gold:
                    found += 1
                    if source:
                        with_source += 1
                        src = set(i for a, b in source for i in range(a, b))
                        credited += bool(best[1] & src)
        self.assertGreater(total, 40)
        self.assertGreaterEqual(found / total, 0.85, f'found {found}/{total}')
        self.assertGreaterEqual(credited / with_source, 0.75, f'credited {credited}/{with_source}')


class BadInput(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        p = os.path.join(self.dir, name)
        with open(p, 'wb') as f:
            f.write(data)
        return p

    def test_missing_file(self):
        rc, out, err = run('extract', os.path.join(self.dir, 'nope.txt'))
        self.assertNotEqual(rc, 0)
        self.assertIn('nope.txt', err)
        self.assertIn('No such file', err)

    def test_other_files_still_processed(self):
        good = self.write('good.txt', b'A headline here\n\n"We lost," Trump said.\n')
        rc, out, err = run('extract', os.path.join(self.dir, 'nope.txt'), good)
        self.assertEqual(rc, 1)
        self.assertEqual(len(out.decode().splitlines()), 1)

    def test_empty_file(self):
        p = self.write('empty.txt', b'')
        rc, out, err = run('extract', p)
        self.assertEqual(rc, 0, err)
        rec = json.loads(out)
        self.assertEqual(rec['quotes'], [])

    def test_invalid_utf8_and_nul(self):
        p = self.write('bad.txt', 'Title line here now\n\nJos\u00e9 said: '.encode() + b'\xff\xfe "Hello\x00 world," he said.\n')
        rc, out, err = run('extract', p)
        self.assertEqual(rc, 0, err)
        self.assertIn('bad.txt', err)
        self.assertIn('replaced', err)
        rec = json.loads(out)
        self.assertTrue(rec['warnings'])

    def test_latin1_text(self):
        p = self.write('latin1.txt', 'Titre de l\'article\n\n"C\'est réglé," a déclaré le ministre.\n'.encode('latin-1'))
        rc, out, err = run('extract', '--with-text', p)
        self.assertEqual(rc, 0, err)
        self.assertIn('réglé', json.loads(out)['text'])

    def test_directory_is_walked_and_unreadable_reported(self):
        sub = os.path.join(self.dir, 'sub')
        os.mkdir(sub)
        self.write('sub/a.txt', b'A title line\n\nShe said it was fine.\n')
        rc, out, err = run('extract', self.dir)
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(out.decode().splitlines()), 1)
        if os.geteuid() != 0:
            p = self.write('locked.txt', b'x')
            os.chmod(p, 0)
            rc, out, err = run('extract', p)
            self.assertNotEqual(rc, 0)
            self.assertIn('locked.txt', err)

    def test_size_limit(self):
        p = self.write('big.txt', b'word ' * 5000)
        rc, out, err = run('extract', '--max-bytes', '1000', p)
        self.assertNotEqual(rc, 0)
        self.assertIn('big.txt', err)
        self.assertIn('limit', err)

    def test_huge_line(self):
        p = self.write('line.txt', b'Title\n\n' + b'"quote" and more words ' * 200000)
        rc, out, err = run('extract', p, timeout=120)
        self.assertEqual(rc, 0, err)

    def test_output_never_overwrites_input(self):
        p = self.write('in.txt', b'Title line here\n\n"We lost," Trump said.\n')
        before = readb(p)
        rc, out, err = run('extract', '-o', p, p)
        self.assertNotEqual(rc, 0)
        self.assertIn('overwrite', err)
        self.assertEqual(readb(p), before)

    def test_output_written_whole(self):
        p = self.write('in.txt', b'Title line here\n\n"We lost," Trump said.\n')
        o = os.path.join(self.dir, 'out.jsonl')
        rc, out, err = run('extract', '-o', o, p)
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(readb(o).splitlines()), 1)
        # no temporary files left beside it
        self.assertEqual(sorted(os.listdir(self.dir)), ['in.txt', 'out.jsonl'])

    def test_usage_errors(self):
        rc, out, err = run('extract')
        self.assertEqual(rc, 2)
        rc, out, err = run('frobnicate')
        self.assertEqual(rc, 2)
        rc, out, err = run('extract', '--format', 'xml', 'x')
        self.assertEqual(rc, 2)

    def test_paths_on_stdin(self):
        p = self.write('a.txt', b'Title line here\n\n"We lost," Trump said.\n')
        rc, out, err = run('extract', '-', stdin=(p + '\n').encode())
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)['path'], p)

    def test_lexicon_dir_extends(self):
        lexdir = os.path.join(self.dir, 'lex')
        os.mkdir(lexdir)
        with open(os.path.join(lexdir, 'speech_verbs.tsv'), 'w') as f:
            f.write('harrumph\tspeech\temotive\tquote,inv\n')
        p = self.write('a.txt', b'Title line here\n\n"Nonsense," the colonel harrumphed.\n')
        rc, out, err = run('extract', '--lexicon-dir', lexdir, p)
        self.assertEqual(rc, 0, err)
        q = json.loads(out)['quotes'][0]
        self.assertEqual(q['cue']['lemma'], 'harrumph')
        self.assertEqual(q['cue']['stance'], 'emotive')
        with open(os.path.join(lexdir, 'speech_verbs.tsv'), 'w') as f:
            f.write('broken line without fields\n')
        rc, out, err = run('extract', '--lexicon-dir', lexdir, p)
        self.assertEqual(rc, 2)
        self.assertIn('speech_verbs.tsv:1', err)


class PagesAndRecords(unittest.TestCase):
    """HTML pages and crawler records: the seed articles saved both ways read as the
    plain text does; offsets point into the text --with-text prints; records are named
    by file and line."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.fix = os.path.join(ROOT, 'tests', 'fixtures', 'seeds')

    def tearDown(self):
        self.tmp.cleanup()

    @staticmethod
    def statements(rec):
        out = []
        for q in rec['quotes']:
            pieces = q['content'] if isinstance(q['content'], list) else [q['content']]
            out.append((q['type'], tuple(p['text'] for p in pieces), (q['speaker'] or {}).get('name')))
        return out

    def test_seeds_as_pages_and_records(self):
        plain = extract(*[os.path.join(SEEDS, f) for f in sorted(os.listdir(SEEDS))])
        pages = extract(*[os.path.join(self.fix, f) for f in sorted(os.listdir(self.fix)) if '.html' in f])
        records = extract(os.path.join(self.fix, 'seeds.jsonl'))
        self.assertEqual(len(pages), 5)
        self.assertEqual(len(records), 5)
        for a, page, rec in zip(plain, pages, records):
            self.assertEqual(page['kind'], 'html')
            self.assertEqual(rec['kind'], 'json')
            for k in ('title', 'date', 'byline', 'credit', 'outlet'):
                self.assertEqual(a[k], page[k], (page['path'], k))
                if k != 'outlet' or a[k]:  # a record's URL may name an outlet the text does not
                    self.assertEqual(a[k], rec[k], (rec['path'], k))
            self.assertEqual(self.statements(a), self.statements(page), page['path'])
            self.assertEqual(self.statements(a), self.statements(rec), rec['path'])
        self.assertTrue(records[0]['path'].endswith('seeds.jsonl:1'))
        self.assertEqual(records[0]['url'], 'https://news.example.org/world/seed-0')

    def test_offsets_point_into_the_text(self):
        for f in ('seed-0.html', 'seed-3.html.gz', 'seeds.jsonl'):
            for rec in extract(os.path.join(self.fix, f), extra=('--with-text',)):
                text = rec['text'].encode('utf8')
                self.assertTrue(rec['quotes'])
                for q in rec['quotes']:
                    pieces = q['content'] if isinstance(q['content'], list) else [q['content']]
                    for p in pieces + ([q['speaker']] if q['speaker'] and 'start' in q['speaker'] else []):
                        self.assertEqual(text[p['start']:p['end']].decode('utf8'), p['text'])

    def test_body_of_pages(self):
        rc, out, err = run('body', os.path.join(self.fix, 'seed-0.html'))
        self.assertEqual(rc, 0, err)
        body = out.decode('utf8')
        self.assertTrue(body.startswith('Russia and the United States continue'), body[:80])
        for furniture in ('Home', 'cookies', 'Share this', 'Related stories', 'This is all theatre', 'rights reserved',
                          'Photo: archive'):
            self.assertNotIn(furniture, body)
        rc, out, err = run('body', '--title', os.path.join(self.fix, 'seed-0.html'))
        self.assertTrue(out.decode('utf8').startswith('Lavrov: Russia, US maintain'))
        # -o DIR: one file per page, one per record
        outdir = os.path.join(self.dir, 'out')
        rc, out, err = run('body', '-o', outdir, os.path.join(self.fix, 'seed-3.html.gz'),
                           os.path.join(self.fix, 'seeds.jsonl'))
        self.assertEqual(rc, 0, err)
        self.assertEqual(sorted(os.listdir(outdir)),
                         ['seed-3.txt', 'seeds-1.txt', 'seeds-2.txt', 'seeds-3.txt', 'seeds-4.txt', 'seeds-5.txt'])

    def test_kind_from_content_and_bad_records(self):
        # a JSON Lines file under a .txt name, gzip-compressed, with one broken line
        import gzip
        lines = [json.dumps({'url': 'https://x.example/1', 'title': 'One', 'maintext': '"Yes," said Bob Smith.'}),
                 '{"url": "https://x.example/2", "maintext": ',
                 json.dumps({'url': 'https://x.example/3', 'title': 'Three', 'maintext': 'Nothing said.'})]
        p = os.path.join(self.dir, 'feed.txt')
        with gzip.open(p, 'wt') as f:
            f.write('\n'.join(lines) + '\n')
        rc, out, err = run('extract', p)
        self.assertEqual(rc, 1)
        self.assertIn('feed.txt:2', err)
        recs = [json.loads(l) for l in out.decode().splitlines()]
        self.assertEqual([r['path'].rsplit(':', 1)[1] for r in recs], ['1', '3'])
        self.assertEqual([r['url'] for r in recs], ['https://x.example/1', 'https://x.example/3'])
        self.assertEqual(recs[0]['quotes'][0]['speaker']['name'], 'Bob Smith')
        # a page without a name that says so
        page = os.path.join(self.dir, 'saved')
        with open(page, 'wb') as f:
            f.write(b'<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><article><p>"We will win," '
                    b'Jane Roe said on Monday, in the capital, to reporters.</p></article></body></html>')
        rec = extract(page)[0]
        self.assertEqual(rec['kind'], 'html')
        self.assertEqual(rec['quotes'][0]['speaker']['name'], 'Jane Roe')

    def test_hostile_pages(self):
        deep = b'<html><body>' + b'<div><b>' * 300000 + b'<p>deep</p>' + b'</b></div>' * 300000 + b'</body></html>'
        p = os.path.join(self.dir, 'deep.html')
        with open(p, 'wb') as f:
            f.write(deep)
        rc, out, err = run('extract', p, timeout=60)
        self.assertIn(rc, (0, 1), err)
        p = os.path.join(self.dir, 'junk.html')
        with open(p, 'wb') as f:
            f.write(b'<html><body><p>unclosed <b><i>tags</p></div></span>\xff\xfe\x00<p>more' + b'<' * 1000)
        rc, out, err = run('extract', p)
        self.assertEqual(rc, 0, err)


def main():
    global BIN, ROOT, SEEDS
    BIN = os.path.abspath(sys.argv[1])
    ROOT = os.path.abspath(sys.argv[2])
    SEEDS = os.path.join(ROOT, 'corpora', 'lavrov-blinken')
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[3:])


if __name__ == '__main__':
    main()
