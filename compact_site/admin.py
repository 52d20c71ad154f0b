"""Django's admin, for technical staff: each concept registers its models in its own admin module."""

from .accounts import admin as accounts_admin  # noqa: F401
from .reporting import admin as reporting_admin  # noqa: F401
from .reporting.committees import admin as committees_admin  # noqa: F401
