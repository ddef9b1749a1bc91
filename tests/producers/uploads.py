"""Files made in code for the upload tests: real PDFs and pictures, and files that lie."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.catalogue.pictures import encode, two_colour_image

PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def pdf_upload(name: str = "kbis.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def jpeg_upload(name: str = "photo.jpg", width: int = 40, height: int = 30) -> SimpleUploadedFile:
    content = encode(two_colour_image(width, height), "JPEG")
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def lying_upload(name: str = "certificat.pdf") -> SimpleUploadedFile:
    """An HTML page that calls itself a PDF, by name and by declared type."""
    return SimpleUploadedFile(
        name, b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
