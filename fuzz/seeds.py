#!/usr/bin/env python3
"""Writes each fuzz target's starting corpus under OUT_DIR/<target>/ (kept outside the
repository; libFuzzer adds what it finds there).

Seeds: the readers' test fixtures, the five shared-corpus articles (read from ../shared, never
copied into the repository), small PDFs and Word documents made here, and the hostile files of
scripts/hostile-files.py that are small.

    fuzz/seeds.py OUT_DIR
"""
import importlib.util
import io
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "crates" / "core" / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "venezuela-2026"
SMALL = 200_000


def hostile_module():
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "scripts" / "hostile-files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def docx(paragraphs):
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{"Heading1" if i == 0 else "Normal"}"/></w:pPr>'
        f"<w:r><w:t>{p}</w:t></w:r></w:p>"
        for i, p in enumerate(paragraphs)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
        z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Seed</dc:title><dc:creator>Seed Writer</dc:creator></cp:coreProperties>')
    return out.getvalue()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    if not CORPUS.is_dir():
        sys.exit(f"the shared corpus is missing: expected {CORPUS}")
    texts = [p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))]
    plain = [p.read_bytes() for p in sorted((FIXTURES / "plain").glob("*")) if p.is_file()]
    html = [p.read_bytes() for p in sorted((FIXTURES / "html").glob("*.html"))]
    pdfs = [p.read_bytes() for p in sorted((FIXTURES / "pdf").glob("*.pdf"))]
    hostile = hostile_module()
    pdfs += [hostile.text_page_pdf(hostile.shown_lines(op)) for op in (b"Tj", b"'", b'"')]
    docxs = [docx([t.decode("utf-8", "replace").split("\n")[0]] + t.decode("utf-8", "replace").split("\n\n")[1:6]) for t in texts]
    with tempfile.TemporaryDirectory() as scratch:
        hostile.main.__globals__["sys"].argv = ["hostile-files.py", scratch]
        hostile.main()
        small = [p for p in sorted(Path(scratch).iterdir()) if p.stat().st_size < SMALL]
        extra = {suffix: [p.read_bytes() for p in small if p.suffix == suffix] for suffix in (".txt", ".html", ".pdf", ".docx")}
    seeds = {
        "read_text": texts + plain + extra[".txt"],
        "read_markdown": texts + plain,
        "read_html": html + extra[".html"],
        "read_pdf": pdfs + extra[".pdf"],
        "read_docx": docxs + extra[".docx"],
        "decode_text": texts + plain + extra[".txt"] + [t.decode("utf-8").encode("utf-16-le") for t in texts[:2]],
        "sentences": [b"\x00" + t for t in texts + extra[".txt"]] + [b"\x05" + p for p in plain],
        "quotes": texts + plain,
        "align": [texts[i] + b"\x00" + texts[(i + 1) % len(texts)] for i in range(len(texts))],
        "session": [texts[0] + b"\x00" + texts[1] + b"\x00" + texts[2], texts[3] + b"\x00" + texts[4]],
    }
    for target, items in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for i, item in enumerate(items):
            (folder / f"seed-{i:03}").write_bytes(item)


if __name__ == "__main__":
    main()
