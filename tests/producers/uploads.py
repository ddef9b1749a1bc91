"""Files made in code for the upload tests: real PDFs and pictures, and files that lie."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from producers.models import DocumentKind, ProducerDocument
from shop.accounts.models import User
from tests.catalogue.pictures import encode, two_colour_image

PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def pdf_upload(name: str = "kbis.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def pdf_file(name: str) -> ContentFile:
    """A PDF to store as it is (a claim's proof, a document), without the upload checks."""
    return ContentFile(PDF, name=name)


def stored_document(*, producer, uploaded_by: User) -> ProducerDocument:
    """A registration extract (PDF) the producer's member stored."""
    return ProducerDocument.objects.create(
        producer=producer,
        kind=DocumentKind.REGISTRATION,
        file=pdf_file("kbis.pdf"),
        content_type="application/pdf",
        size=len(PDF),
        uploaded_by=uploaded_by,
    )


def jpeg_upload(name: str = "photo.jpg", width: int = 40, height: int = 30) -> SimpleUploadedFile:
    content = encode(two_colour_image(width, height), "JPEG")
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def lying_upload(name: str = "certificat.pdf") -> SimpleUploadedFile:
    """An HTML page that calls itself a PDF, by name and by declared type."""
    return SimpleUploadedFile(
        name, b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
