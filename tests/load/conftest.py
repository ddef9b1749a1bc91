# The load test runs on the same stack fixture as the smoke test: a database and queue of its own.
from tests.deploy.test_stack import stack  # noqa: F401
