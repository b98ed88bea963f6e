#!/usr/bin/env python3
"""Prints the five shared-corpus articles to PDF with real PDF producers, for the PDF reader's
measurement (words recovered against the source text) and its damaged-file test.

    scripts/pdf-producers.py OUT_DIR [--all]

Writes OUT_DIR/<producer>/<article>.pdf and OUT_DIR/<article>.txt (the source text, which is
read from ../shared at run time and never kept in the repository). Producers:

- chromium: Chromium's "Print to PDF" (Skia) of the article as a web page;
- ghostscript-ps: Ghostscript's ps2pdf of the article as PostScript, the way CUPS's "Print to
  PDF" makes a file on Linux (its text is shown with the ' operator);
- ghostscript-pdf: Chromium's PDF distilled again by Ghostscript's pdfwrite;
- with --all, libreoffice (Writer's export of the text) and latex (pdflatex), when installed.

Standard library only, plus the producers' own programs.
"""
import html
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "venezuela-2026"


def paragraphs(text):
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def chromium(source, page_html, out):
    profile = out.parent / ".chromium-profile"
    page = out.with_suffix(".html")
    page.write_text(page_html, encoding="utf-8")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
         "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    page.unlink()


def postscript(text):
    """The article as a PostScript program: Helvetica 11 pt, lines wrapped at 86 characters,
    a blank line between paragraphs, new pages as needed. Latin-1 via ISOLatin1Encoding."""
    lines = []
    for paragraph in paragraphs(text):
        lines += textwrap.wrap(paragraph, 86) + [""]
    out = ["%!PS-Adobe-3.0", "/F /Helvetica findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall",
           "/Encoding ISOLatin1Encoding def currentdict end /HelveticaL1 exch definefont pop",
           "/HelveticaL1 findfont 11 scalefont setfont"]
    y = 760
    out.append("72 760 moveto")
    for line in lines:
        if y < 72:
            out.append("showpage /HelveticaL1 findfont 11 scalefont setfont")
            y = 760
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        escaped = escaped.encode("latin-1", "replace").decode("latin-1")
        out.append(f"72 {y} moveto ({escaped}) show")
        y -= 14
    out.append("showpage")
    return "\n".join(out).encode("latin-1", "replace")


def latex(text):
    special = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
               "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}
    escape = lambda s: "".join(special.get(c, c) for c in s)
    parts = paragraphs(text)
    body = "\n\n".join(escape(p) for p in parts[1:])
    return (r"\documentclass{article}\usepackage[utf8]{inputenc}\usepackage[T1]{fontenc}"
            r"\usepackage{lmodern}\begin{document}\section*{" + escape(parts[0]) + "}\n\n" + body
            + r"\end{document}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    everything = "--all" in sys.argv
    if not CORPUS.is_dir():
        sys.exit(f"the shared corpus is missing: expected {CORPUS}")
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(CORPUS.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        (out / source.name).write_text(text, encoding="utf-8")
        stem = source.stem
        parts = paragraphs(text)
        page = ("<!doctype html><meta charset=utf-8><title>" + html.escape(parts[0]) + "</title>"
                "<style>body{font:12pt serif;margin:2cm}</style><h1>" + html.escape(parts[0]) + "</h1>"
                + "".join(f"<p>{html.escape(p)}</p>" for p in parts[1:]))
        for producer in ("chromium", "ghostscript-ps", "ghostscript-pdf"):
            (out / producer).mkdir(exist_ok=True)
        chromium(source, page, out / "chromium" / f"{stem}.pdf")
        ps = out / "ghostscript-ps" / f"{stem}.ps"
        ps.write_bytes(postscript(text))
        subprocess.run(["ps2pdf", str(ps), str(ps.with_suffix(".pdf"))], check=True, capture_output=True, timeout=120)
        ps.unlink()
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite",
                        f"-sOutputFile={out / 'ghostscript-pdf' / (stem + '.pdf')}", str(out / "chromium" / f"{stem}.pdf")],
                       check=True, capture_output=True, timeout=120)
        if everything and shutil.which("soffice"):
            folder = out / "libreoffice"
            folder.mkdir(exist_ok=True)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                           check=True, capture_output=True, timeout=300)
            (folder / source.with_suffix(".pdf").name).rename(folder / f"{stem}.pdf")
        if everything and shutil.which("pdflatex"):
            folder = out / "latex"
            folder.mkdir(exist_ok=True)
            (folder / f"{stem}.tex").write_text(latex(text), encoding="utf-8")
            subprocess.run(["pdflatex", "-interaction=batchmode", f"{stem}.tex"], cwd=folder, capture_output=True, timeout=300)
            for leftover in folder.glob(f"{stem}.*"):
                if leftover.suffix != ".pdf":
                    leftover.unlink()


if __name__ == "__main__":
    main()
