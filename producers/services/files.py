"""Storing uploaded files beside the rows that name them."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile


@contextmanager
def files_removed_on_failure() -> Iterator[list[FieldFile]]:
    """Collect the files stored inside the block; if the block fails they are deleted, so a
    refused or rolled-back write leaves no orphan file behind."""
    stored: list[FieldFile] = []
    try:
        yield stored
    except BaseException:
        for field_file in stored:
            field_file.storage.delete(field_file.name)
        raise


def file_store(
    *, field_file: FieldFile, name: str, content: bytes, stored: list[FieldFile]
) -> None:
    """Save `content` under `name` in the field's storage (the row is saved by the caller)."""
    field_file.save(name, ContentFile(content), save=False)
    stored.append(field_file)
