import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from producers.documents import DOCUMENT_MAX_BYTES, document_clean
from tests.producers.uploads import PDF, jpeg_upload, lying_upload, pdf_upload


def test_a_pdf_is_kept_as_it_is():
    clean = document_clean(pdf_upload())

    assert (clean.content, clean.content_type, clean.extension) == (PDF, "application/pdf", "pdf")


def test_a_picture_is_re_encoded_under_its_real_type_whatever_its_name():
    clean = document_clean(jpeg_upload(name="certificat.pdf"))

    assert (clean.content_type, clean.extension) == ("image/jpeg", "jpg")
    assert Image.open(io.BytesIO(clean.content)).size == (40, 30)


def test_a_file_that_lies_about_its_type_is_refused():
    with pytest.raises(ValidationError) as error:
        document_clean(lying_upload())

    assert error.value.code == "INVALID_DOCUMENT"


def test_a_truncated_pdf_is_refused():
    upload = SimpleUploadedFile("kbis.pdf", PDF[:40], content_type="application/pdf")

    with pytest.raises(ValidationError) as error:
        document_clean(upload)

    assert error.value.code == "INVALID_DOCUMENT"


def test_a_gif_is_refused_as_no_accepted_type():
    content = io.BytesIO()
    Image.new("RGB", (4, 4)).save(content, format="GIF")
    upload = SimpleUploadedFile("scan.png", content.getvalue(), content_type="image/png")

    with pytest.raises(ValidationError) as error:
        document_clean(upload)

    assert error.value.code == "INVALID_DOCUMENT"


def test_a_document_over_the_size_limit_is_refused_before_reading():
    content = PDF[:-6] + b" " * DOCUMENT_MAX_BYTES + b"%%EOF\n"
    upload = SimpleUploadedFile("big.pdf", content, content_type="application/pdf")

    with pytest.raises(ValidationError) as error:
        document_clean(upload)

    assert error.value.code == "DOCUMENT_TOO_LARGE"
