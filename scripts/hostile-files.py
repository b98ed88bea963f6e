#!/usr/bin/env python3
"""Writes the hostile files Parallax's hardening tests import, into the folder given.

Each file is one kind of bad input a user's folder can hold: compression bombs, a page tree that
loops, a password, damaged cross-references, text operators only some printers use, text in odd
encodings, and a huge but valid text. They are generated here (a few KB of script) rather than
committed, and `docs/reliability.md` lists what the user sees for each.

    scripts/hostile-files.py OUT_DIR [--huge]

`--huge` adds the 49 MB, five-million-line text (slow to write; the analysis budget test uses it).
Standard library only: the tests run it with the system Python.
"""
import io
import os
import sys
import zipfile
import zlib

MB = 1024 * 1024


def pdf(objects, *, trailer_extra=b"", eol=b"\n", eof=True, shift=0, root=1):
    """A PDF of `objects` (bytes bodies, numbered from 1) with a classic cross-reference table.

    `shift` moves every offset in the table by that many bytes (a damaged table); `eol` is the
    line ending; `eof` whether `%%EOF` ends the file.
    """
    out = io.BytesIO()
    out.write(b"%PDF-1.4" + eol + b"%\xe2\xe3\xcf\xd3" + eol)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj" % number + eol + body + eol + b"endobj" + eol)
    xref = out.tell()
    out.write(b"xref" + eol + b"0 %d" % (len(objects) + 1) + eol)
    out.write(b"0000000000 65535 f\r\n")
    for offset in offsets:
        out.write(b"%010d 00000 n\r\n" % (offset + shift))
    out.write(b"trailer" + eol)
    out.write(b"<< /Size %d /Root %d 0 R %s>>" % (len(objects) + 1, root, trailer_extra) + eol)
    out.write(b"startxref" + eol + b"%d" % xref + eol)
    if eof:
        out.write(b"%%EOF" + eol)
    return out.getvalue()


def stream(content, *, dictionary=b"", compress=True):
    data = zlib.compress(content, 9) if compress else content
    flate = b"/Filter /FlateDecode " if compress else b""
    return b"<< /Length %d %s%s>>\nstream\n" % (len(data), flate, dictionary) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def text_page_pdf(content, *, extra_objects=(), **options):
    """One Letter page showing `content` (a content stream) in Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        FONT,
        stream(content),
        *extra_objects,
    ]
    return pdf(objects, **options)


# Sentences of the good PDFs: plain prose of our own, the count of its words known.
PROSE = [
    "The council met on Tuesday to discuss the new budget for the harbour district.",
    "Residents asked why the repairs to the sea wall had been delayed for a second year.",
    "The mayor said the contractor had missed two deadlines and would be replaced.",
    "A spokesperson for the contractor declined to comment on the decision.",
    "Engineers warned that winter storms could damage the wall further.",
    "The council voted to release emergency funds before the end of the month.",
]


def shown_lines(operator):
    """A content stream drawing PROSE one line per sentence, with `Tj`, `'` or `"`."""
    lines = [b"BT /F1 11 Tf 14 TL 72 720 Td"]
    for sentence in PROSE:
        text = sentence.encode("latin-1")
        if operator == b"Tj":
            lines.append(b"(%s) Tj T*" % text)
        elif operator == b"'":
            lines.append(b"(%s) '" % text)
        else:
            lines.append(b"0 0 (%s) \"" % text)
    lines.append(b"ET")
    return b"\n".join(lines)


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def docx(document_xml):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", document_xml)
    return out.getvalue()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)

    # --- Compression bombs -------------------------------------------------------------------
    # A content stream that inflates to 200 MB of text operators (a few hundred KB on disk).
    line = b"BT /F1 12 Tf 72 700 Td (All work and no play makes a dull bomb.) Tj ET\n"
    write(folder, "bomb-content-stream.pdf", text_page_pdf(line * (200 * MB // len(line))))
    # A side stream of zeros inflating to 1 GB beside a readable page.
    zeros = zlib.compressobj(9)
    bomb = b"".join(zeros.compress(b"\0" * MB) for _ in range(1024)) + zeros.flush()
    write(
        folder,
        "bomb-flate.pdf",
        text_page_pdf(
            shown_lines(b"Tj"),
            extra_objects=[b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
                           + bomb + b"\nendstream"],
        ),
    )
    # An object stream (read while the file is loaded) inflating to 300 MB.
    filler = b"<< /Filler (" + b"A" * 1000 + b") >> "
    objstm = zlib.compress(b"6 0 " + filler * (300 * MB // len(filler)), 9)
    write(
        folder,
        "bomb-object-stream.pdf",
        text_page_pdf(
            shown_lines(b"Tj"),
            extra_objects=[b"<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>"
                           b"\nstream\n" % len(objstm) + objstm + b"\nendstream"],
        ),
    )
    # A Word document whose main part is 150 MB of XML (under 1 MB zipped).
    paragraph = "<w:p><w:r><w:t>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</w:t></w:r></w:p>"
    write(
        folder,
        "bomb-document-xml.docx",
        docx(
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body>'
            + paragraph * (150 * MB // len(paragraph))
            + "</w:body></w:document>"
        ),
    )
    # HTML whose formatting elements are re-opened in every block that follows them. Distinct
    # attributes: the parser's limit of three identical open elements never applies.
    def unclosed_b(head: bytes, after: bytes) -> bytes:
        return (
            b"<html>" + head + b"<body><p>"
            + b"".join(b"<b id=b%d>" % i for i in range(4000))
            + b"</p>"
            + b"".join(b"<p>Paragraph %d of the story, after the %s tags.</p>" % (i, after) for i in range(2000))
            + b"</body></html>"
        )

    write(folder, "bomb-unclosed-b.html", unclosed_b(b"", b"unclosed"))
    # The same tags hidden from a scan of the source: a `<script>` inside a title is the title's
    # text, and the `<b>` tags after the title are tags.
    write(folder, "bomb-hidden-b.html", unclosed_b(b"<head><title>Title <script> text</title></head>", b"hidden"))
    # Three identical unclosed tags of each formatting name (the parser's own limit), opened
    # again in each of 20,000 paragraphs.
    formatting = [b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike", b"strong", b"tt", b"u"]
    write(
        folder,
        "bomb-identical-b.html",
        b"<html><body><p>"
        + b"".join(b"<%s>" % name * 3 for name in formatting)
        + b"".join(b"<p>Paragraph %d of the story, after the identical tags." % i for i in range(20000))
        + b"</body></html>",
    )
    # HTML nested 200,000 levels deep.
    write(folder, "bomb-deep-divs.html", b"<html><body>" + b"<div>" * 200_000 + b"deep</body></html>")

    # --- Damaged or protected PDFs -----------------------------------------------------------
    # A page tree whose only kid is the tree itself.
    write(
        folder,
        "looping-page-tree.pdf",
        pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]),
    )
    # A page that is its own parent: attributes inherited up the tree are looked for forever.
    write(
        folder,
        "looping-page-parent.pdf",
        pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 3 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            FONT,
            stream(shown_lines(b"Tj")),
        ]),
    )
    # Password-protected (standard handler, RC4 40-bit): the empty password does not open it.
    write(
        folder,
        "password.pdf",
        text_page_pdf(
            shown_lines(b"Tj"),
            extra_objects=[b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                           b"/O <" + b"6a" * 32 + b"> /U <" + b"c3" * 32 + b"> >>"],
            trailer_extra=b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> "
                          b"<00112233445566778899aabbccddeeff>] ",
        ),
    )
    # Not a PDF past its header.
    write(folder, "truncated.pdf", text_page_pdf(shown_lines(b"Tj"))[:300])

    # --- Good PDFs other readers open --------------------------------------------------------
    write(folder, "operator-quote.pdf", text_page_pdf(shown_lines(b"'")))
    write(folder, "operator-double-quote.pdf", text_page_pdf(shown_lines(b'"')))
    write(folder, "xref-crlf.pdf", text_page_pdf(shown_lines(b"Tj"), eol=b"\r\n"))
    write(folder, "xref-no-eof.pdf", text_page_pdf(shown_lines(b"Tj"), eof=False))
    write(folder, "xref-offsets-off.pdf", text_page_pdf(shown_lines(b"Tj"), shift=3))
    # A stray object numbered 9999999 that moves the table: the table rebuilt from the objects
    # listed every number below it (a fuzz finding: 200 MB and seconds).
    shifted = text_page_pdf(shown_lines(b"Tj"))
    at = shifted.index(b"xref")
    write(folder, "xref-stray-high-object.pdf",
          shifted[:at] + b"9999999 0 obj\n(stray)\nendobj\n" + shifted[at:])

    # --- Text in odd encodings ---------------------------------------------------------------
    english = " ".join(PROSE).encode()
    write(
        folder,
        "nul-every-12th-byte.txt",
        b"".join(english[i:i + 11] + b"\0" for i in range(0, len(english), 11)),
    )
    # One line of hundreds of abbreviated dates: the title was looked for by splitting the
    # whole line into sentences (1.3 s for 11 KB in a fuzz run).
    write(
        folder,
        "one-line-abbreviations.txt",
        b" ".join(b"In %d B.C. the harbour wall was built, and in %d A.D. it was mended." % (i, i) for i in range(150)),
    )
    # One line of sentences each opening a quotation it never closes: the sentence splitter's work
    # grew with the square of such a line (a fuzz finding).
    write(folder, "one-line-unclosed-quotes.txt",
          " ".join("He said “the wall at pier %d will hold. The council voted." % i for i in range(200)).encode())
    chinese = ("委员会周二开会讨论港区的新预算。居民们询问为什么海堤的维修工程连续第二年被推迟。"
               "市长说承包商错过了两个最后期限，将被替换。") * 3
    write(folder, "utf16le-chinese-no-bom.txt", chinese.encode("utf-16-le"))
    write(folder, "utf16be-chinese-no-bom.txt", chinese.encode("utf-16-be"))

    if "--huge" in sys.argv:
        # 49 MB in some five million short lines: accepted (under the file limit), costly to analyse.
        words = [w.encode() for w in " ".join(PROSE).split()]
        with open(os.path.join(folder, "huge-5m-lines.txt"), "wb") as f:
            size, i = 0, 0
            while size < 49 * MB - 64:
                line = b"%s %d\n" % (words[i % len(words)], i % 100)
                f.write(line)
                size, i = size + len(line), i + 1


if __name__ == "__main__":
    main()
