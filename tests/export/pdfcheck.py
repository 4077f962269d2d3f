"""Reading reports back: text, images, vector paths and embedded fonts of a PDF."""

from __future__ import annotations

import io


def read_pdf(data: bytes):
    """A pypdf reader over the bytes, after checking they look like a PDF."""
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in read_pdf(data).pages)


def has_raster_image(data: bytes) -> bool:
    """Whether any page (or form inside it) carries an /Image XObject."""
    reader = read_pdf(data)

    def walk(resources) -> bool:
        xobjects = (resources or {}).get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                return True
            if obj.get("/Subtype") == "/Form" and walk(obj.get("/Resources")):
                return True
        return False

    return any(walk(page.get("/Resources")) for page in reader.pages)


def path_operator_count(data: bytes) -> int:
    """How many path-painting operators the pages draw (vector drawing evidence)."""
    reader = read_pdf(data)
    count = 0
    for page in reader.pages:
        content = page.get_contents()
        if content is None:
            continue
        for _operands, op in content.operations:
            if op in (b"f", b"f*", b"S", b"B", b"B*", b"b"):
                count += 1
    return count


def embedded_fonts(data: bytes) -> set[str]:
    """Base names of the fonts with an embedded font file."""
    names = set()
    for page in read_pdf(data).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is not None:
                d = descriptor.get_object()
                if any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font["/BaseFont"]))
    return names


def flat(text: str) -> str:
    """Text with every run of whitespace as one space (table cells come out one per line)."""
    return " ".join(text.split())


def placed_words(data: bytes, words: set[str], page: int = 0) -> list[tuple[str, float, float]]:
    """(word, x, y) of every text run on a page that is exactly one of `words`."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001
        if text.strip() in words:
            found.append((text.strip(), tm[4] + cm[4], tm[5] + cm[5]))

    read_pdf(data).pages[page].extract_text(visitor_text=visit)
    return found
