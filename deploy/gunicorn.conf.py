"""gunicorn settings for the web process; every value can be overridden from the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# The shop is imported once, in the master, before the workers fork: a worker that replaces one
# (after max_requests) starts without importing Django, the API schema, Celery and the rest
# again (about a second of CPU each time), and the workers share those pages of memory. A
# changed release is deployed by restarting the process, not by HUP.
preload_app = True
# A safety net against a leak (a worker's memory stays flat): at 150 requests a second a worker
# is replaced every ten minutes or so, not every 25 seconds.
max_requests = 50000
max_requests_jitter = 5000
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: its default path ($HOME/.gunicorn) is shared by every gunicorn of the user
# and not writable in a read-only container.
control_socket_disable = True

# LOG_FORMAT=json (production): gunicorn's own lines as JSON too. Django logs every request with
# its id (shop/request_id.py), so gunicorn's access log would only repeat it.
if os.environ.get("LOG_FORMAT") == "json":
    accesslog = None
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "shop.json_logging.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}
        },
    }
