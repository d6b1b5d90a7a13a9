#!/usr/bin/env python3
"""The HTML report is safe to open: article content never runs and never calls out.

usage: test_report_safety.py QUOTEDIFF_BINARY SOURCE_ROOT [unittest args]

Articles (plain text, an HTML page, a JSON record, and a manifest with a hostile URL,
outlet and title) are full of markup that would run script or fetch something if it
reached the page unescaped: <script>, onerror=, javascript: links, </style> and
</textarea> breakouts, <meta http-equiv=refresh>, <base>, <iframe>, SVG onload, CSS
@import.  `quotediff compare --format html` makes a report of them, and the test

  - reads the report: only the report's own elements, links only inside the page;
  - opens it in headless Chromium (when it is installed) with a loopback HTTP server
    that counts requests: no script may run (a script would add an element and retitle
    the page, which --dump-dom would show) and no request may arrive;
  - does so twice: as written, and with the report's Content-Security-Policy removed,
    so escaping alone is shown to hold, not just the CSP behind it.

A control page holding the same payload unescaped must run its script and make its
request in the same browser; if it does not, the browser check cannot tell anything and
is skipped with a message saying why.  So is it when Chromium is missing or cannot start.
"""
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

BIN = None
ROOT = None


class Counter(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):
        Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.end_headers()
        self.wfile.write(b'document.title="FETCHED"+(40+2);')

    do_POST = do_GET

    def log_message(self, *args):
        pass


def payload(port):
    """Markup that, if it reached the page as markup, would run or call out.  A script
    that runs adds <div id="qd-pwned-2"> and sets the title to PWNED42: neither string
    is in the source (they are computed), so finding one in the DOM proves execution."""
    base = f'http://127.0.0.1:{port}'
    run = ("document.body.insertAdjacentHTML('beforeend','<div id=\"qd-pwned-'+(1+1)+'\"></div>');"
           "document.title='PWNED'+(40+2);")
    return [
        f'<script>{run}</script>',
        f'<img src="{base}/img" onerror="{run}">',
        f'<img src=x onerror={run}>',
        f'<a href="javascript:{run}">click me</a>',
        f'<svg onload="{run}"><circle r="1"/></svg>',
        f'</style><script>{run}</script><style>',
        f'</textarea><script>{run}</script>',
        f'</title><script>{run}</script>',
        f'"><script>{run}</script><a x="',
        f"'><img src={base}/quote onerror={run}>",
        f'<iframe src="{base}/iframe"></iframe>',
        f'<meta http-equiv="refresh" content="0;url={base}/refresh">',
        f'<base href="{base}/base/">',
        f'<link rel="stylesheet" href="{base}/css">',
        f'<style>@import url({base}/import); body{{background:url({base}/bg)}}</style>',
        f'<object data="{base}/object"></object><embed src="{base}/embed">',
        f'<form action="{base}/form"><input autofocus onfocus="{run}"></form>',
        f'<script src="{base}/script.js"></script>',
    ]


def hostile_inputs(d, port):
    bad = payload(port)
    joined = ' '.join(bad)
    paths = []
    # two outlets quoting the same hostile words, so they are aligned side by side
    for k, outlet in enumerate(('First Outlet', 'Second Outlet')):
        lines = [f'Talks end {bad[0]} without a deal {bad[5]}', '',
                 f'By Jane {bad[1]} Roe', 'December 6, 2024', '']
        for i, b in enumerate(bad):
            lines.append(f'"We will not accept {b} under any circumstances," said Sergei Lavrov {bad[i - 1]}.')
            lines.append('')
        lines.append(f'Blinken told reporters that the meeting was "frank {joined}" and useful.')
        p = os.path.join(d, f'article{k}.txt')
        with open(p, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        paths.append(p)
    # an HTML page whose metadata is hostile too (escaped in the page, but decoded by
    # the reader: what reaches the report is live markup again)
    esc = lambda s: s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<title>{esc(bad[7])} Talks end</title>'
            f'<meta property="og:site_name" content="{esc(bad[8])}">'
            f'<meta name="author" content="{esc(bad[1])}">'
            f'<meta property="og:url" content="javascript:alert(1)">'
            '</head><body><article><h1>Talks end without a deal</h1>'
            + ''.join(f'<p>&quot;We will not accept {esc(b)} under any circumstances,&quot; said Sergei Lavrov on Friday, '
                      'adding that the two delegations would meet again in Geneva.</p>' for b in bad)
            + '</article></body></html>')
    p = os.path.join(d, 'page.html')
    with open(p, 'w') as f:
        f.write(page)
    paths.append(p)
    rec = {'url': f'javascript:{bad[0]}', 'title': bad[6], 'source_domain': bad[9], 'authors': [bad[2]],
           'date_publish': '2024-12-06 10:00:00',
           'maintext': '\n\n'.join(f'"We will not accept {b} under any circumstances," said Sergei Lavrov.' for b in bad)}
    p = os.path.join(d, 'record.json')
    with open(p, 'w') as f:
        json.dump(rec, f)
    paths.append(p)
    man = os.path.join(d, 'manifest.tsv')
    with open(man, 'w') as f:
        f.write('path\turl\toutlet\ttitle\tbyline\n')
        f.write(f'{paths[1]}\tjavascript:{bad[0]}\t{bad[5]}\t{bad[6]}\t{bad[1]}\n')
    return paths, man


# The elements the report is made of; nothing else may appear in it.
ALLOWED = {'!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section',
           'article', 'h1', 'h2', 'h3', 'p', 'div', 'span', 'ul', 'li', 'a', 'table', 'tr', 'th', 'td',
           'del', 'ins', 'mark', 'b', 'br', 'em', 'i', 'strong', 'small', 'code', 'ol', 'thead', 'tbody',
           'caption', 'details', 'summary', 'nav', 'footer', 'hr', 'sup', 'sub',
           'svg', 'g', 'rect', 'line', 'circle', 'path', 'polyline', 'text', 'tspan'}


def find_chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        p = shutil.which(name)
        if p:
            return p
    return None


class ReportSafety(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        cls.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Counter)
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.inputs, cls.manifest = hostile_inputs(cls.dir, cls.port)
        cls.report = os.path.join(cls.dir, 'report.html')
        p = subprocess.run([BIN, 'compare', '--format', 'html', '--manifest', cls.manifest, '-o', cls.report,
                            *cls.inputs], capture_output=True, timeout=120)
        cls.compare_rc, cls.compare_err = p.returncode, p.stderr.decode('utf8', 'replace')
        with open(cls.report, encoding='utf8') as f:
            cls.html = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.tmp.cleanup()

    def test_report_made_of_every_input(self):
        self.assertEqual(self.compare_rc, 0, self.compare_err)
        # the hostile words are there, as text
        self.assertIn('&lt;script&gt;', self.html)
        self.assertIn('onerror=', self.html)
        self.assertIn('javascript:', self.html)
        self.assertIn(f'{len(self.inputs)} documents', self.html)

    def test_only_the_reports_own_markup(self):
        tags = {t.lower() for t in re.findall(r'<\s*/?\s*([!A-Za-z][A-Za-z0-9]*)', self.html)}
        self.assertLessEqual(tags, ALLOWED, tags - ALLOWED)
        self.assertEqual(len(re.findall(r'<style', self.html, re.I)), 1)
        self.assertEqual(len(re.findall(r'</style', self.html, re.I)), 1)
        # every attribute value of every tag: links stay in the page, no handlers
        for tag in re.findall(r'<[!A-Za-z][^>]*>', self.html):
            attrs = re.findall(r'\s([A-Za-z-:]+)\s*=', tag)
            for a in attrs:
                self.assertFalse(a.lower().startswith('on'), tag)
            for href in re.findall(r'(?:href|src|action|data)\s*=\s*"([^"]*)"', tag, re.I):
                self.assertTrue(href.startswith('#'), tag)
        self.assertNotRegex(self.html, r'(?i)<[^>]*javascript:')
        self.assertIn('Content-Security-Policy', self.html)

    def test_markdown_keeps_article_markup_as_text(self):
        p = subprocess.run([BIN, 'compare', '--format', 'md', '--manifest', self.manifest, *self.inputs],
                           capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        md = p.stdout.decode('utf8')
        self.assertIn('script', md)
        # outside code blocks (which renderers show verbatim), no raw HTML and no links
        prose = re.sub(r'(?ms)^```.*?^```$', '', md)
        for m in re.finditer(r'(?<!\\)<\s*/?[A-Za-z!]', prose):
            self.fail(f'raw markup in Markdown: {prose[max(0, m.start() - 60):m.end() + 60]!r}')
        for m in re.finditer(r'(?<!\\)\]\(', prose):
            self.fail(f'a link in Markdown: {prose[max(0, m.start() - 60):m.end() + 60]!r}')

    def test_text_report_has_no_terminal_controls(self):
        p = subprocess.run([BIN, 'compare', '--format', 'text', *self.inputs], capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIsNone(re.search(rb'[\x00-\x08\x0b-\x1f\x7f]', p.stdout))

    def browse(self, path):
        """Load a page in headless Chromium; returns the DOM after scripts ran, and the
        requests the server saw."""
        chromium = find_chromium()
        if not chromium:
            self.skipTest('chromium is not installed: the browser check did not run')
        Counter.hits.clear()
        profile = tempfile.mkdtemp(dir=self.dir)
        try:
            p = subprocess.run([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                                '--disable-extensions', '--disable-background-networking',
                                f'--user-data-dir={profile}', '--virtual-time-budget=3000', '--dump-dom',
                                'file://' + path], capture_output=True, timeout=90)
        except (OSError, subprocess.TimeoutExpired) as e:
            self.skipTest(f'chromium could not run: {e}')
        if p.returncode != 0 or not p.stdout.strip():
            self.skipTest(f'chromium could not start (exit {p.returncode}): '
                          f'{p.stderr.decode("utf8", "replace")[-500:]}')
        return p.stdout.decode('utf8', 'replace'), list(Counter.hits)

    def control(self):
        """The same payload unescaped must run and call out in this browser."""
        page = os.path.join(self.dir, 'control.html')
        with open(page, 'w') as f:
            f.write('<!DOCTYPE html><html><head><title>control</title></head><body><p>'
                    + ' '.join(payload(self.port)) + '</p></body></html>')
        dom, hits = self.browse(page)
        if 'qd-pwned-2' not in dom or not hits:
            self.skipTest('in the control page, the payload did not run or call out in this chromium '
                          f'(script ran: {"qd-pwned-2" in dom}, requests: {len(hits)}): the check cannot tell')

    def assert_inert(self, path):
        dom, hits = self.browse(path)
        self.assertIn('quotediff comparison', dom)  # the page did load
        self.assertNotIn('qd-pwned-2', dom, 'a script from an article ran')
        self.assertNotIn('PWNED42', dom, 'a script from an article ran')
        self.assertNotIn('FETCHED42', dom)
        self.assertEqual(hits, [], 'the report made requests')

    def test_nothing_runs_in_a_browser(self):
        self.control()
        self.assert_inert(self.report)

    def test_escaping_holds_without_the_csp(self):
        self.control()
        bare = os.path.join(self.dir, 'report-no-csp.html')
        html, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', '', self.html)
        self.assertEqual(n, 1)
        with open(bare, 'w', encoding='utf8') as f:
            f.write(html)
        self.assert_inert(bare)


def main():
    global BIN, ROOT
    BIN = os.path.abspath(sys.argv[1])
    ROOT = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], '-v'] + sys.argv[3:])


if __name__ == '__main__':
    main()
