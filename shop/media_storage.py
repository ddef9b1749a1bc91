"""Where uploads live: local folders by default, S3-compatible buckets when configured.

With AWS_STORAGE_BUCKET_NAME set, public media (product photos, thumbnails, brand pictures) go to
that bucket and private files (label proofs, registration documents) to a second bucket,
AWS_PRIVATE_STORAGE_BUCKET_NAME, which must differ: its objects are stored with the "private" ACL
and only reached through links signed for a few minutes, so no bucket policy written for public
media can ever expose them. Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, or the pod's role).
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
PRIVATE_LINK_SECONDS = 300


def media_storages(environ: Mapping[str, str]) -> dict[str, dict]:
    """The "default" and "private" entries of settings.STORAGES for this environment."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {"BACKEND": "catalogue.storage.PrivateStorage"},
        }
    private_bucket = environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "").strip()
    if not private_bucket or private_bucket == bucket:
        raise ImproperlyConfigured(
            "AWS_PRIVATE_STORAGE_BUCKET_NAME must name a second bucket, other than "
            "AWS_STORAGE_BUCKET_NAME, for label proofs and registration documents."
        )
    common = {
        name: value
        for name, value in {
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL", "").strip(),
            "region_name": environ.get("AWS_S3_REGION_NAME", "").strip(),
        }.items()
        if value
    }
    # Uploads never replace each other: a second "photo.jpg" gets a suffixed name.
    common["file_overwrite"] = False
    return {
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                # Public reads come from the bucket policy or the CDN, so links stay unsigned.
                "querystring_auth": False,
                "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None,
            },
        },
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": PRIVATE_LINK_SECONDS,
            },
        },
    }
