"""Files through the API, as the GraphQL multipart request spec sends them
(https://github.com/jaydenseric/graphql-multipart-request-spec).

A multipart request carries `operations` (the usual JSON body, a null where each file goes), `map`
(which file field goes where: `{"0": ["variables.input.image"]}`) and the files. The files are put
in the variables, where the `Upload` scalar hands them to the resolvers as Django's uploaded
files, the same objects the portal's forms pass to the services (which validate them by
content). A request that breaks the spec or the limits is refused whole, before any resolver
runs, with a 400 (413 when too large) and a coded JSON error.
"""

import json
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

MAX_FILES = 4
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024


class UploadRefused(Exception):
    """A multipart request the API does not take, with its HTTP status and error code."""

    def __init__(self, message: str, *, code: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


def _invalid(message: str) -> UploadRefused:
    return UploadRefused(message, code="INVALID_MULTIPART")


def _json_field(fields, name: str) -> Any:
    if name not in fields:
        raise _invalid(_("The multipart request has no “%(field)s” field.") % {"field": name})
    try:
        return json.loads(fields[name])
    except ValueError as error:
        raise _invalid(
            _("The multipart request's “%(field)s” field is not JSON.") % {"field": name}
        ) from error


def _file_map(fields) -> dict[str, list[str]]:
    file_map = _json_field(fields, "map")
    if not isinstance(file_map, dict) or not all(
        isinstance(paths, list) and paths and all(isinstance(path, str) for path in paths)
        for paths in file_map.values()
    ):
        raise _invalid(
            _("The map must be an object giving each file field a list of variable paths.")
        )
    return file_map


def _key(container: Any, segment: str) -> str | int | None:
    """The key `segment` names in `container` (a dict's key, a list's index), if any."""
    if isinstance(container, dict):
        return segment if segment in container else None
    if (
        isinstance(container, list)
        and segment.isascii()
        and segment.isdigit()
        and int(segment) < len(container)
    ):
        return int(segment)
    return None


def _place(operations: dict, path: str, upload: UploadedFile) -> None:
    """Put `upload` where `path` ("variables.input.image", "variables.files.0") has a null."""
    *parents, last = path.split(".")
    container: Any = operations if parents[:1] == ["variables"] else None
    for segment in parents:
        key = _key(container, segment)
        container = container[key] if key is not None else None
    key = _key(container, last)
    if key is None or container[key] is not None:
        raise _invalid(
            _("The map's path “%(path)s” does not lead to a null in the operation's variables.")
            % {"path": path}
        )
    container[key] = upload


def _too_large(*, whole_request: bool) -> UploadRefused:
    if whole_request:
        message = _("A request may weigh at most %(megabytes)d MB.") % {
            "megabytes": MAX_REQUEST_BYTES // (1024 * 1024)
        }
        return UploadRefused(message, code="REQUEST_TOO_LARGE", status=413)
    message = _("A file may weigh at most %(megabytes)d MB.") % {
        "megabytes": MAX_FILE_BYTES // (1024 * 1024)
    }
    return UploadRefused(message, code="FILE_TOO_LARGE", status=413)


def multipart_operation(request: HttpRequest) -> dict:
    """The operation of a multipart request, its files put in its variables; UploadRefused for
    a request that breaks the spec or the limits (checked before the body is read)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_REQUEST_BYTES:
        raise _too_large(whole_request=True)
    try:
        fields, files = request.POST, request.FILES
    except (MultiPartParserError, SuspiciousOperation) as error:
        raise _invalid(_("The multipart request cannot be read.")) from error
    operations = _json_field(fields, "operations")
    if not isinstance(operations, dict):
        raise _invalid(_("Send one operation per request: batches are not taken."))
    file_map = _file_map(fields)
    sent = sum(len(uploads) for _name, uploads in files.lists())
    if sent > MAX_FILES or len(file_map) > MAX_FILES:
        raise UploadRefused(
            _("A request carries at most %(files)d files.") % {"files": MAX_FILES},
            code="TOO_MANY_FILES",
        )
    if sent != len(files) or set(files) != set(file_map):
        raise _invalid(_("Every file field must be sent once and named in the map."))
    for name, paths in file_map.items():
        upload = files[name]
        if upload.size > MAX_FILE_BYTES:
            raise _too_large(whole_request=False)
        for path in paths:
            _place(operations, path, upload)
    return operations
