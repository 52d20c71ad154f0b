"""The kept home pages (``views.dashboard``) are worked out again when anything they count changes.

The register and the wins have versions of their own; everything else the officers' and LSP members' home
pages show (funding ending without notice, reports, overdue actions, open concerns, self-assessment rounds,
the Compact itself) retires DASHBOARD. The count of emails not sent is not in it: the outbox changes its
messages' state with updates that send no signal, so it keeps that count itself (notifications.selectors).
"""

from django.db.models.signals import post_delete, post_save

from signatories import keeping

DASHBOARD = "dashboard"


def forget_dashboard(**kwargs):
    keeping.forget(DASHBOARD)


def connect_signals():
    from commitments.models import FundingDecision
    from compact_site.reporting.models import Report
    from signatories.models import Compact
    from signatories.signals import register_imported
    from success_factors.models import Action, Assessment, FactorScore
    from success_factors.rounds.models import Round
    from wins.concerns.models import Concern

    for model in (FundingDecision, Report, Action, Concern, Compact, Assessment, FactorScore, Round):
        post_save.connect(forget_dashboard, sender=model, dispatch_uid=f"dashboard-save-{model.__name__}")
        post_delete.connect(forget_dashboard, sender=model, dispatch_uid=f"dashboard-delete-{model.__name__}")
    register_imported.connect(forget_dashboard, dispatch_uid="dashboard-import")
