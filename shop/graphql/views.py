"""The `/graphql/` endpoint: who asks (JWT or session), the request's limits, the schema."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import ExecutionResult, specified_rules
from graphql.error import GraphQLError

from shop.graphql.api import schema
from shop.graphql.auth import TokenError, bearer_token, public_jwks, user_of_token
from shop.graphql.context import ApiContext
from shop.graphql.limits import limits_rule


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(GraphQLView):
    """Token-authenticated requests need no CSRF token: they carry no cookie credentials."""

    graphiql = True

    def __init__(self, **kwargs) -> None:
        super().__init__(schema=schema, **kwargs)
        self._context: ApiContext | None = None
        self._auth_error: TokenError | None = None

    def _context_for(self, request: HttpRequest) -> ApiContext:
        token = bearer_token(request)
        user = AnonymousUser()
        if token is not None:
            try:
                user = user_of_token(token=token)
            except TokenError as error:
                self._auth_error = error
        return ApiContext(request=request, user=user)

    def get_context(self, request: HttpRequest) -> ApiContext:
        if self._context is None:
            self._context = self._context_for(request)
        return self._context

    def execute_graphql_request(self, request, data, query, variables, operation_name, *args):
        self.get_context(request)
        if self._auth_error is not None and query:
            error = GraphQLError(
                str(self._auth_error), extensions={"exception": {"code": self._auth_error.code}}
            )
            return ExecutionResult(data=None, errors=[error])
        self.validation_rules = (*specified_rules, limits_rule(variables))
        return super().execute_graphql_request(
            request, data, query, variables, operation_name, *args
        )


def jwks(request: HttpRequest) -> JsonResponse:
    """The public keys that verify the API's tokens."""
    return JsonResponse(public_jwks())
