"""Settings for Compact: one module, read from the environment.

Development needs nothing set. Production mode (COMPACT_ENV=production) refuses to start
without SECRET_KEY and ALLOWED_HOSTS and turns on every secure-transport setting.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


PRODUCTION = env("COMPACT_ENV", "development") == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("Set SECRET_KEY: production mode never uses a built-in key.")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdefghijklmnop"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS: the host names this service answers to.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_celery_beat",
    "notifications",
    "signatories",
    "success_factors",
    "commitments",
    "representation",
    "wins",
    "compact_site",
    "compact_site.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "compact_site.accounts.sessions.SlidingExpiryMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "compact_site.accounts.middleware.TwoStepMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "compact_site.urls"
WSGI_APPLICATION = "compact_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "compact_site.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker share the file: wait for each other's writes rather than fail, take the
    # write lock at the start of a transaction, and let readers read while one writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_TIMEOUT", str(60 * 60 * 24)))
INVITATION_VALID_DAYS = int(env("INVITATION_VALID_DAYS", "7"))

# Caching: Redis when REDIS_URL is set (shared by every worker and host), else memory in each process. Redis is
# a help, never a need: django-redis's IGNORE_EXCEPTIONS answers every read it cannot make as a miss and drops
# every write, so with Redis stopped, slow or flushed each page is worked out from the database. Short socket
# timeouts keep a Redis that hangs from holding a page up for long; one warning is logged per outage
# (compact_site.outage). Give the cache a Redis database of its own, apart from the task queue's: restoring a
# backup empties it whole (``cache.clear()``).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "compact"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_CONNECT_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "compact_site.outage"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a cached page part or figure lives at most; each is invalidated at once when its data changes
# (compact_site.invalidation), so this only bounds what a per-process cache in another worker may show.
CACHE_SECONDS = int(env("CACHE_SECONDS", "60"))

# Sessions live in the database; with Redis they are read from it too (Django's cached_db: written to both), so
# a signed-in request reads no session row. Never with a per-process cache: a signed-out session could linger
# in another worker's memory.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(60 * 60 * 8)))
# Expiry counts from the last request (signed out after SESSION_COOKIE_AGE without one), but the session
# is written to refresh it at most once in SESSION_REFRESH_SECONDS (compact_site.accounts.sessions).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = int(env("SESSION_REFRESH_SECONDS", "300"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d %B %Y", "%d %b %Y"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Wins' evidence files: the largest upload accepted, in bytes (10 MB).
WIN_UPLOAD_MAX_BYTES = int(env("WIN_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
# Importing the register from spreadsheets: the largest file and the most rows one import takes.
IMPORT_MAX_BYTES = int(env("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(env("IMPORT_MAX_ROWS", "5000"))
# A 360Giving JSON file says each field's name in every grant: 5,000 grants are about 10 MB.
GRANTS_IMPORT_MAX_BYTES = int(env("GRANTS_IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = 5
# crispy-forms-gds styles inputs by their widget's class name and knows only text, email and password:
# web addresses and numbers get GOV.UK's input style too.
CRISPY_CLASS_CONVERTERS = {"urlinput": "govuk-input", "numberinput": "govuk-input govuk-input--width-10"}

# Email: the console in development (invitations appear in the `make run` terminal),
# SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Compact <compact@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# GOV.UK Notify instead of SMTP when both are set: an API key and the id of one email template whose
# subject is ((subject)) and body ((body)).
NOTIFY_API_KEY = env("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = env("NOTIFY_TEMPLATE_ID", "")
NOTIFY_BASE_URL = env("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")

# The outbox (notifications): a worker holds a message it is sending for OUTBOX_LEASE_SECONDS; after a failed
# attempt it waits OUTBOX_RETRY_DELAYS seconds (1 min, 5 min, 30 min, 2 h, 12 h), then marks it not sent.
# The sweep queues again messages due for longer than OUTBOX_SWEEP_GRACE_SECONDS whose task never ran.
OUTBOX_LEASE_SECONDS = int(env("OUTBOX_LEASE_SECONDS", "300"))
OUTBOX_RETRY_DELAYS = [int(part) for part in env_list("OUTBOX_RETRY_DELAYS", "60,300,1800,7200,43200")]
OUTBOX_SWEEP_GRACE_SECONDS = int(env("OUTBOX_SWEEP_GRACE_SECONDS", "120"))
OUTBOX_SWEEP_MINUTES = int(env("OUTBOX_SWEEP_MINUTES", "5"))
OUTBOX_COUNTDOWN_MAX_SECONDS = 600

# Celery. Production: CELERY_BROKER_URL=redis://… With none set (the embedded default of `make run`), the
# broker is a folder of files (kombu's filesystem transport): no server needed, one machine only.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "filesystem://"
    _broker_folder = Path(env("CELERY_BROKER_FOLDER", str(BASE_DIR / ".celery-broker")))
    (_broker_folder / "queue").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_folder / "queue"),
        "data_folder_out": str(_broker_folder / "queue"),
        "control_folder": str(_broker_folder / "control"),
        "store_processed": False,
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

SERVICE_NAME = env("SERVICE_NAME", "Compact")
# The address used to build links in emails, e.g. https://compact.example-council.gov.uk
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# The public site's pages are cached for visitors who are not signed in, and invalidated when what they show
# changes; this is the longest a page is cached (and, on local memory, how stale another process may be).
PUBLIC_CACHE_SECONDS = int(env("PUBLIC_CACHE_SECONDS", "300"))
# The read-only API: requests a minute a new token may make (each token can have its own limit).
API_RATE_LIMIT_PER_MINUTE = int(env("API_RATE_LIMIT_PER_MINUTE", "60"))

# /.well-known/security.txt's Contact (a mailto: or https: address) for reporting a vulnerability; left unset, the
# Compact team's email address an officer gave, or else the contact page.
SECURITY_CONTACT = env("SECURITY_CONTACT", "")
# "Report a problem with this page": how many reports one internet address may send in an hour.
PROBLEM_REPORTS_PER_HOUR = int(env("PROBLEM_REPORTS_PER_HOUR", "5"))

# How long a draft report reuses the figures it last worked out before counting again (minutes).
REPORT_DRAFT_FIGURES_MINUTES = int(env("REPORT_DRAFT_FIGURES_MINUTES", "10"))

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy, in every mode so that development and tests meet it too: scripts and
# styles only from our own files (no inline code), charts as data: images, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy: the service needs none of the browser's powerful features.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Two-step verification (django-otp): the name authenticator apps show for the account.
OTP_TOTP_ISSUER = SERVICE_NAME

# django-axes: after AXES_FAILURE_LIMIT failed logins for one username from one address, that
# pair is locked out for AXES_COOLOFF_HOURS; officers see and clear lockouts under People.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading roles and two-step state with the user in one statement.
    "compact_site.accounts.backends.SignInBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(hours=float(env("AXES_COOLOFF_HOURS", "1")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind proxies (nginx, a load balancer), how many of them add to X-Forwarded-For: lockouts then go by
# the person's address rather than the proxy's. 0: the service is reached directly.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "compact_site.accounts.selectors.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once_per_outage": {"()": "compact_site.outage.OncePerOutage"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # Redis errors the cache ignored (settings.CACHES): one warning per outage.
    "loggers": {"compact_site.outage": {"filters": ["once_per_outage"]}},
}
