"""Settings of the shop: every value comes from the environment, with safe development defaults.

With DEBUG=0 the production values (SECRET_KEY, ALLOWED_HOSTS) are required and start-up stops
with a clear message when one is missing.
"""

import os
from decimal import Decimal
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from shop.media_storage import media_storages

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / ".data"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from None


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DEBUG=0 (production settings).")
    return value


DEBUG = env_bool("DEBUG", True)

if DEBUG:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
else:
    SECRET_KEY = env_required("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG=0 (production settings).")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# The API's tokens are signed RS256 with this PEM private key. Without one, a key is made once
# under DATA_DIR: enough for one machine; several machines need the same key.
JWT_PRIVATE_KEY = os.environ.get("JWT_PRIVATE_KEY", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "graphene_django",
    "shop.accounts",
    "shop.shipping",
    "shop.checkout",
    "shop.orders",
    "shop.payments",
    "shop.discounts",
    "catalogue",
    "producers",
    "branding",
    "shop",
    "shop.storefront",
]

MIDDLEWARE = [
    "shop.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "branding.middleware.CampaignTagMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL under .data/ when it is unset.
if os.environ.get("DATABASE_URL"):
    DATABASE_URL = os.environ["DATABASE_URL"]
else:
    from shop.embedded_db import embedded_database_url

    DATABASE_URL = embedded_database_url(DATA_DIR / "postgres")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# The planner's cost of a random page read, set on each connection so every server agrees:
# PostgreSQL's default (4) assumes spinning disks, and with it a common search word reads the
# whole product table rather than its GIN index. 1.1 is the usual value for SSD storage.
RANDOM_PAGE_COST = env_float("DATABASE_RANDOM_PAGE_COST", 1.1)
_database_options = DATABASES["default"].setdefault("OPTIONS", {})
_database_options["options"] = " ".join(
    filter(None, [_database_options.get("options", ""), f"-c random_page_cost={RANDOM_PAGE_COST}"])
)
# Prepared statements: the parameters travel apart from the query (server-side binding), so a
# query a connection has run 5 times is parsed and planned once and then only executed; on
# persistent connections that halves PostgreSQL's CPU per checkout. Set it to 0 behind a pooler
# in transaction mode that does not carry prepared statements across its connections.
if env_bool("DATABASE_PREPARED_STATEMENTS", True):
    _database_options.update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when CACHE_URL is set (production, `make stack`), else each process's memory.
# Shopper pages keep there the parts every visitor sees the same (shop/storefront/shared_parts.py)
# for STOREFRONT_CACHE_SECONDS; 0 keeps nothing (the default in development, where templates
# change). Keys start with the database's address, so shops sharing a Redis never mix pages.
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
_cache_prefix = "ohmylot:{HOST}:{PORT}/{NAME}".format(**DATABASES["default"])
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        # Parts weigh 2 to 45 kB (20 on average): at most about 20 MB per process.
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    )
    | {"KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX") or _cache_prefix}
}
STOREFRONT_CACHE_SECONDS = int(env_float("STOREFRONT_CACHE_SECONDS", 0 if DEBUG else 300))

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "storefront:login"
LOGIN_REDIRECT_URL = "storefront:home"

# Languages: French first; English complete; Dutch and German for the interface.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English")), ("nl", _("Dutch")), ("de", _("German"))]
# Catalogue content is written in French and translated into these languages.
CONTENT_TRANSLATION_LANGUAGES = ["en"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Proofs and registration documents: never served publicly.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", DATA_DIR / "private"))
# Django serves local media itself only in development, or when asked (`make stack`); a host
# serves them from its proxy, a cluster from S3 (AWS_STORAGE_BUCKET_NAME: shop/media_storage.py).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    **media_storages(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded images: validated by content, re-encoded, thumbnails made by a task.
IMAGE_MAX_UPLOAD_BYTES = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
THUMBNAIL_SIZES = (128, 256, 512, 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = IMAGE_MAX_UPLOAD_BYTES + 1024 * 1024

# Checkout: how long placed orders hold their stock while the shopper pays.
CHECKOUT_RESERVATION_MINUTES = int(os.environ.get("CHECKOUT_RESERVATION_MINUTES", 30))
# Promo codes: after PROMO_CODE_ATTEMPTS refused codes within PROMO_CODE_ATTEMPTS_WINDOW seconds,
# one visitor's further tries are refused until the window passes (shop/discounts/attempts.py).
PROMO_CODE_ATTEMPTS = int(env_float("PROMO_CODE_ATTEMPTS", 10))
PROMO_CODE_ATTEMPTS_WINDOW = int(env_float("PROMO_CODE_ATTEMPTS_WINDOW", 15 * 60))
# Accounts (shop/accounts/limits.py): a password reset, deletion or email change link is emailed at
# most once per account (and per new address) within ACCOUNT_EMAIL_WINDOW seconds; after
# ACCOUNT_PASSWORD_TRIES wrong current passwords, the account's next tries are refused for
# ACCOUNT_PASSWORD_TRIES_WINDOW seconds; the same for signing in with one email address.
ACCOUNT_EMAIL_WINDOW = int(env_float("ACCOUNT_EMAIL_WINDOW", 5 * 60))
ACCOUNT_PASSWORD_TRIES = int(env_float("ACCOUNT_PASSWORD_TRIES", 5))
ACCOUNT_PASSWORD_TRIES_WINDOW = int(env_float("ACCOUNT_PASSWORD_TRIES_WINDOW", 15 * 60))
# Signing in counts wrong passwords per email address like the above, and per client address
# with this higher limit, as many shoppers may share one address (an office, a hotel, a campsite).
ACCOUNT_SIGN_IN_CLIENT_TRIES = int(env_float("ACCOUNT_SIGN_IN_CLIENT_TRIES", 50))
# How many proxies in front of the shop add the address they saw to X-Forwarded-For (Caddy, the
# ingress controller): a client's address is the one the outermost of them saw. 0: the
# connection's own address (nothing in front; a header a client sends itself is never trusted).
TRUSTED_PROXIES = int(env_float("TRUSTED_PROXIES", 0))

# Payments: the built-in test gateway until both Stripe keys are set. Webhooks are refused while
# STRIPE_WEBHOOK_SECRET is empty; STRIPE_API_BASE points the SDK at another server (localstripe).
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
# The programme's share (0 to 1) of a seller's fulfilled sales, unless its payout settings differ.
PAYMENT_COMMISSION_RATE = Decimal(str(env_float("PAYMENT_COMMISSION_RATE", 0.10)))
if not 0 <= PAYMENT_COMMISSION_RATE <= 1:
    raise ImproperlyConfigured("PAYMENT_COMMISSION_RATE must be between 0 and 1.")

# Celery: inline (eager) without a broker; a real worker with CELERY_BROKER_URL.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
# Inline tasks never reach a broker; the in-memory transport keeps Celery from looking for one.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or (
    None if CELERY_TASK_ALWAYS_EAGER else CELERY_BROKER_URL
)
CELERY_TASK_EAGER_PROPAGATES = True
# Several shops (or test runs) may share one Redis: each names its own queue.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE") or "celery"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task taken by a worker that died before acknowledging it (tasks are acknowledged when they
# end) goes back to the queue after this many seconds: longer than the longest task.
CELERY_VISIBILITY_TIMEOUT = int(env_float("CELERY_VISIBILITY_TIMEOUT", 3600))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": max(1, min(10, CELERY_VISIBILITY_TIMEOUT // 2)),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "orders-expire-unpaid": {"task": "orders.orders_expire_unpaid", "schedule": 300.0},
    "orders-confirmations-missing": {
        "task": "orders.confirmations_missing_send",
        "schedule": 300.0,
    },
    # The campaign reminder goes out in batches (branding.services.campaigns.REMINDER_BATCH_SIZE).
    "branding-reminders-send": {"task": "branding.reminders_send", "schedule": 600.0},
    "producers-claims-expiry-sweep": {
        "task": "producers.claims_expiry_sweep",
        "schedule": crontab(hour=3, minute=0),
    },
    "producers-chamber-digests": {
        "task": "producers.chamber_digests_send",
        "schedule": crontab(hour=7, minute=30),
    },
}
# The review workflow's tasks live beside the producers' own tasks module.
CELERY_IMPORTS = ("producers.review_tasks",)

# Email: SMTP when EMAIL_HOST is set, else files under .data/mail (and the console in DEBUG).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Oh my Lot ! <boutique@ohmylot.fr>")
# Where shoppers write (withdrawal, complaints, personal data): printed on the legal pages.
SHOP_CONTACT_EMAIL = os.environ.get("SHOP_CONTACT_EMAIL", "boutique@ohmylot.fr")

# Security: strict in production; /healthz stays reachable over plain HTTP for probes.
SESSION_COOKIE_HTTPONLY = True
# Sessions in the database (shop/sessions.py), so they keep working while Redis is down.
SESSION_ENGINE = "shop.sessions"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Logs: one JSON object per line in production (with the request id), plain text in development.
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "shop.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "shop.json_logging.JsonFormatter"},
        "text": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "pgserver": {"level": "WARNING"},
        # One line per request in production; the development server prints its own.
        "shop.request": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
        # Inline tasks would log a line per task; a real worker's log keeps them.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
    },
}
