"""The `/graphql/` endpoint: who asks (JWT), the request's limits, files sent beside the
operation (multipart), the schema."""

from functools import lru_cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView, HttpError
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    validate,
)

from shop.graphql.api import schema
from shop.graphql.auth import TokenError, bearer_token, public_jwks, user_of_token
from shop.graphql.context import ApiContext
from shop.graphql.core.dataloaders import Loaders
from shop.graphql.core.requested import reads_metadata
from shop.graphql.execution import ApiExecutionContext, never_awaitable
from shop.graphql.limits import limits_errors
from shop.graphql.uploads import UploadRefused, multipart_operation

INVALID_REQUEST = "INVALID_REQUEST"
DOCUMENTS_KEPT = 512  # parsed and validated queries kept per process (clients send few)


class CodedHttpError(HttpError):
    """A request refused before it runs, answered with a coded error like the API's others."""

    def __init__(self, status: int, message: str, code: str) -> None:
        super().__init__(HttpResponse(status=status), message)
        self.code = code


@lru_cache(maxsize=DOCUMENTS_KEPT)
def checked_document(query: str) -> tuple[DocumentNode | None, tuple[GraphQLError, ...]]:
    """The query parsed and validated against the schema, once per process: clients send the
    same few queries again and again, and validating a storefront query costs more than
    running it."""
    try:
        document = parse(query)
    except GraphQLError as error:
        return None, (error,)
    return document, tuple(validate(schema.graphql_schema, document))


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(GraphQLView):
    """Token-authenticated requests need no CSRF token: they carry no cookie credentials.
    The GraphiQL explorer (scripts from a CDN) is served in development only."""

    def __init__(self, **kwargs) -> None:
        super().__init__(schema=schema, graphiql=settings.DEBUG, **kwargs)

    def parse_body(self, request: HttpRequest):
        try:
            if self.get_content_type(request) != "multipart/form-data":
                return super().parse_body(request)
            return multipart_operation(request)
        except UploadRefused as refused:
            raise CodedHttpError(refused.status, str(refused), refused.code) from refused
        except RecursionError as error:
            raise CodedHttpError(
                400, _("The request nests too deeply."), INVALID_REQUEST
            ) from error

    @staticmethod
    def format_error(error) -> dict:
        if isinstance(error, CodedHttpError):
            return {"message": error.message, "extensions": {"exception": {"code": error.code}}}
        return GraphQLView.format_error(error)

    def _context(self, request: HttpRequest, loaders: Loaders) -> ApiContext | TokenError:
        token = bearer_token(request)
        if token is None:
            return ApiContext(request=request, user=AnonymousUser(), loaders=loaders)
        try:
            return ApiContext(request=request, user=user_of_token(token=token), loaders=loaders)
        except TokenError as error:
            return error

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        if not query:
            if show_graphiql:
                return None
            raise HttpError(JsonResponse({"errors": [{"message": "Must provide query string."}]}))
        if not (
            isinstance(query, str)
            and isinstance(variables, dict | None)
            and isinstance(operation_name, str | None)
        ):
            raise CodedHttpError(
                400,
                _("The query and the operation's name must be text, the variables an object."),
                INVALID_REQUEST,
            )
        document, errors = checked_document(query)
        if errors:
            return ExecutionResult(data=None, errors=list(errors))
        operation = get_operation_ast(document, operation_name)
        if request.method.lower() == "get" and (
            operation is None or operation.operation != OperationType.QUERY
        ):
            if show_graphiql:
                return None
            raise HttpError(HttpResponseNotAllowed(["POST"], "Mutations need a POST request."))
        over_limits = limits_errors(document, operation_name, variables)
        if over_limits:
            return ExecutionResult(data=None, errors=over_limits)
        loaders = Loaders(
            metadata=operation is None or reads_metadata(document, operation, variables)
        )
        context = self._context(request, loaders)
        if isinstance(context, TokenError):
            error = GraphQLError(str(context), extensions={"exception": {"code": context.code}})
            return ExecutionResult(data=None, errors=[error])
        return execute(
            schema.graphql_schema,
            document,
            context_value=context,
            variable_values=variables,
            operation_name=operation_name,
            is_awaitable=never_awaitable,
            execution_context_class=ApiExecutionContext,
        )


def jwks(request: HttpRequest) -> JsonResponse:
    """The public keys that verify the API's tokens."""
    return JsonResponse(public_jwks())
