"""The site's models are declared with the concept they belong to (accounts/, reporting/, public/, api/,
about/, feedback/) and imported here, so that they keep the ``compact_site`` app label, its migrations and its tables."""

from .about.models import StatementSettings  # noqa: F401
from .accounts.models import Invitation, SecuritySettings, hash_token  # noqa: F401
from .api.models import ApiToken  # noqa: F401
from .feedback.models import ProblemReport  # noqa: F401
from .public.models import PublicSiteSettings  # noqa: F401
from .reporting.committees.models import (  # noqa: F401
    Committee,
    CommitteeMeeting,
    Recommendation,
    ReportSent,
    ResponseDigest,
)
from .reporting.models import FROZEN_STATUSES, Report, ReportReminder, ReportStatus  # noqa: F401
