"""Media on S3-compatible storage: a real S3 server (moto in server mode) on 127.0.0.1.

Product photos and their thumbnails land in the public bucket; label proofs and registration
documents in a second, private bucket, stored with the "private" ACL and linked only by signed URLs.
"""

import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages

from catalogue.services import product_image_add
from shop.media_storage import media_storages
from tests.catalogue.pictures import encode, two_colour_image
from tests.deploy.processes import free_port, spawn, stop
from tests.factories import make_product

PUBLIC_BUCKET = "ohmylot-media"
PRIVATE_BUCKET = "ohmylot-private"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@dataclass
class S3Server:
    endpoint: str
    environ: dict[str, str]

    def client(self):
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="eu-west-3")

    def keys(self, bucket: str) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))


@pytest.fixture
def s3(monkeypatch, settings, tmp_path) -> Iterator[S3Server]:
    """moto's S3 server on a free loopback port, two buckets, and the shop's storages on them."""
    port = free_port()
    server_log = spawn(
        "moto", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], tmp_path
    )
    try:
        server_log.wait_for("Running on", timeout=60)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ohmylot-test")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "ohmylot-test-secret")
        endpoint = f"http://127.0.0.1:{port}"
        server = S3Server(
            endpoint=endpoint,
            environ={
                "AWS_STORAGE_BUCKET_NAME": PUBLIC_BUCKET,
                "AWS_PRIVATE_STORAGE_BUCKET_NAME": PRIVATE_BUCKET,
                "AWS_S3_ENDPOINT_URL": endpoint,
                "AWS_S3_REGION_NAME": "eu-west-3",
            },
        )
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            server.client().create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
            )
        settings.STORAGES = {**settings.STORAGES, **media_storages(server.environ)}
        yield server
    finally:
        stop(server_log)


@pytest.mark.django_db
def test_a_product_photo_and_its_thumbnails_are_stored_in_the_public_bucket(
    s3, settings, django_capture_on_commit_callbacks
):
    upload = ContentFile(encode(two_colour_image(800, 600), "JPEG"), name="rocamadour.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        image = product_image_add(product=make_product(), upload=upload)

    thumbnails = sorted(image.thumbnails.all(), key=lambda thumbnail: thumbnail.size)
    assert [thumbnail.size for thumbnail in thumbnails] == sorted(settings.THUMBNAIL_SIZES)
    assert s3.keys(PUBLIC_BUCKET) == sorted(
        [image.image.name, *(thumbnail.file.name for thumbnail in thumbnails)]
    )
    assert s3.keys(PRIVATE_BUCKET) == []
    stored = s3.client().get_object(Bucket=PUBLIC_BUCKET, Key=thumbnails[0].file.name)
    assert stored["Body"].read()[8:12] == b"WEBP"
    # Public media links are plain, so pages and CDNs can cache them.
    assert image.image.url == f"{s3.endpoint}/{PUBLIC_BUCKET}/{image.image.name}"


def test_a_private_document_goes_to_the_private_bucket_with_a_private_acl(s3):
    name = storages["private"].save("proofs/2026/11/certificate.pdf", ContentFile(b"%PDF-1.4"))

    assert s3.keys(PRIVATE_BUCKET) == [name]
    assert s3.keys(PUBLIC_BUCKET) == []
    acl = s3.client().get_object_acl(Bucket=PRIVATE_BUCKET, Key=name)
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]
    assert all(grant["Grantee"].get("URI") != ALL_USERS for grant in acl["Grants"])
    # Its link is signed and expires after five minutes, never a plain public address.
    url = storages["private"].url(name)
    assert url.startswith(f"{s3.endpoint}/{PRIVATE_BUCKET}/{name}?")
    assert "X-Amz-Expires=300" in url
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"%PDF-1.4"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url.split("?")[0], timeout=10)
    assert refused.value.code == 403
    assert default_storage.exists(name) is False


def test_without_a_bucket_uploads_stay_on_local_disk():
    assert media_storages({}) == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "catalogue.storage.PrivateStorage"},
    }


@pytest.mark.parametrize("private_bucket", ["", PUBLIC_BUCKET])
def test_s3_media_require_a_separate_private_bucket(private_bucket):
    environ = {
        "AWS_STORAGE_BUCKET_NAME": PUBLIC_BUCKET,
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": private_bucket,
    }
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_STORAGE_BUCKET_NAME must name"):
        media_storages(environ)
