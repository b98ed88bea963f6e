#!/usr/bin/env python3
"""HTML main-text extraction baseline and token-F1 scorer.

Corpus layout: ROOT/<page>/source.html, expected.html, expected-metadata.json
(e.g. the test pages of mozilla/readability).

Extract (needs `pip install trafilatura`):
    html-baseline.py ROOT
  writes ROOT/<page>/trafilatura.txt = trafilatura.extract(html,
  include_comments=False, include_tables=True, favor_recall=False), or an
  empty file when it returns None.

Score:
    html-baseline.py --score ROOT [--cand trafilatura.txt] [--out pages.tsv]
  compares ROOT/<page>/<cand> with the text of expected.html and prints a
  summary; per-page rows go to --out as TSV (stdout when --out is not given).

Scoring rules (kept simple so other implementations can match them exactly):
  * Expected text = concatenation of all text nodes of expected.html, entities
    decoded (stdlib html.parser, convert_charrefs=True); a space is inserted at
    every start and end tag of the elements in BLOCK_TAGS. Comments are dropped.
  * Tokens (both sides): NFC, then str.lower(); a token is a maximal run of
    str.isalnum() characters (= general category L*, Nd, Nl or No); every
    character in CJK_RANGES is a token on its own; everything else separates.
  * Per page: inter = size of the multiset intersection; P = inter/|cand|,
    R = inter/|expected|, F1 = 2PR/(P+R); 0 when the denominator is 0.
    Pages whose expected text has no tokens are skipped and listed.
    A missing candidate file counts as empty.
  * Summary: macro F1 (mean of page F1), micro F1 (from summed counts), macro F1
    per primary language subtag of expected-metadata.json "lang" ("-" if none),
    and the 15 worst pages.
"""
import argparse
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

BLOCK_TAGS = frozenset("""
address article aside blockquote body br caption dd details dialog div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html
legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul
""".split())

CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
              (0xAC00, 0xD7AF), (0xF900, 0xFAFF))


def is_cjk(ch):
    c = ord(ch)
    return any(lo <= c <= hi for lo, hi in CJK_RANGES)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(html):
    p = _Text()
    p.feed(html)
    p.close()
    return "".join(p.parts)


def tokens(text):
    out, cur = [], []
    for ch in unicodedata.normalize("NFC", text).lower():
        if is_cjk(ch):
            if cur:
                out.append("".join(cur))
                cur = []
            out.append(ch)
        elif ch.isalnum():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def prf(inter, n_cand, n_exp):
    p = inter / n_cand if n_cand else 0.0
    r = inter / n_exp if n_exp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pages(root):
    return sorted(d for d in Path(root).iterdir() if (d / "source.html").is_file())


def read(path):
    return path.read_bytes().decode("utf-8", errors="replace")


def extract(root):
    import trafilatura
    for d in pages(root):
        txt = trafilatura.extract(read(d / "source.html"), include_comments=False,
                                  include_tables=True, favor_recall=False)
        (d / "trafilatura.txt").write_text(txt or "", encoding="utf-8")
    print(f"trafilatura {trafilatura.__version__}: {len(pages(root))} pages",
          file=sys.stderr)


def score(root, cand_name, out):
    rows, skipped, missing = [], [], []
    for d in pages(root):
        exp = Counter(tokens(html_text(read(d / "expected.html"))))
        if not exp:
            skipped.append(d.name)
            continue
        cf = d / cand_name
        if not cf.is_file():
            missing.append(d.name)
        cand = Counter(tokens(read(cf))) if cf.is_file() else Counter()
        lang = "-"
        mf = d / "expected-metadata.json"
        if mf.is_file():
            raw = json.loads(read(mf)).get("lang")
            if raw:
                lang = raw.replace("_", "-").split("-")[0].strip().lower() or "-"
        inter = sum((exp & cand).values())
        n_c, n_e = sum(cand.values()), sum(exp.values())
        rows.append((d.name, lang, n_e, n_c, inter) + prf(inter, n_c, n_e))

    w = open(out, "w", encoding="utf-8") if out else sys.stdout
    w.write("page\tlang\texp_tokens\tcand_tokens\tinter\tprecision\trecall\tf1\n")
    for r in rows:
        w.write("\t".join(map(str, r[:5])) + "".join(f"\t{x:.4f}" for x in r[5:]) + "\n")
    if out:
        w.close()

    log = sys.stderr if not out else sys.stdout
    if not rows:
        print("no scorable pages", file=log)
        return
    macro = sum(r[7] for r in rows) / len(rows)
    micro = prf(sum(r[4] for r in rows), sum(r[3] for r in rows), sum(r[2] for r in rows))
    print(f"\ncandidate={cand_name}  pages scored={len(rows)}  skipped(empty expected)={len(skipped)}"
          f"  missing candidate={len(missing)}", file=log)
    print(f"macro F1 {macro:.4f}   micro P {micro[0]:.4f} R {micro[1]:.4f} F1 {micro[2]:.4f}", file=log)
    by = defaultdict(list)
    for r in rows:
        by[r[1]].append(r)
    print("\nlang  pages  macroP  macroR  macroF1", file=log)
    for lang, rs in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        n = len(rs)
        print(f"{lang:<5} {n:>5}  {sum(r[5] for r in rs)/n:.4f}  {sum(r[6] for r in rs)/n:.4f}"
              f"  {sum(r[7] for r in rs)/n:.4f}", file=log)
    print("\n15 worst pages (F1, P, R, exp/cand tokens):", file=log)
    for r in sorted(rows, key=lambda r: (r[7], r[0]))[:15]:
        print(f"  {r[7]:.4f}  P {r[5]:.4f}  R {r[6]:.4f}  {r[2]:>6}/{r[3]:<6} {r[1]:<3} {r[0]}", file=log)
    if skipped:
        print("skipped (empty expected): " + " ".join(skipped), file=log)
    if missing:
        print("missing candidate (scored as empty): " + " ".join(missing), file=log)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", help="folder of page folders")
    ap.add_argument("--score", action="store_true", help="score instead of extracting")
    ap.add_argument("--cand", default="trafilatura.txt", help="candidate file name per page")
    ap.add_argument("--out", help="per-page TSV file (default: stdout)")
    a = ap.parse_args()
    if a.score:
        score(a.root, a.cand, a.out)
    else:
        extract(a.root)


if __name__ == "__main__":
    main()
