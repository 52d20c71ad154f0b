"""Consultations from a consultation hub's spreadsheet (CSV or Excel), in the template's columns.

The reading, preview and confirm pages are the register import's (``signatories.imports``). A row is
found again by its statutory body, its title (compared as names are) and the date it opened; the statutory
body is found as for funding decisions (``commitments.sheets``).
"""

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from signatories.imports.matching import labels_of, name_key
from signatories.imports.sheets import (
    CHANGED,
    ERROR,
    NEW,
    UNCHANGED,
    Column,
    Sheet,
    changes_between,
    mark_duplicates,
    register,
    update_with_history,
)
from signatories.imports.validation import choice_lookup, clean_name, clean_website, parse_date
from signatories.selectors import current_compact

from .. import services
from ..models import RecordStatus
from ..sheets import StatutoryBodies
from .models import Consultation, SectorInvolvement

FIELDS = ("title", "opened_on", "closes_on", "early_notice_on", "sector_involved", "feedback_published_on", "link")
LABELS = labels_of(Consultation, FIELDS)


def clean_sector_involved(value):
    """Yes, No or Not known (stored as "")."""
    return choice_lookup(
        SectorInvolvement.choices,
        {"y": "yes", "n": "no", "unknown": "", "don't know": "", "true": "yes", "false": "no"},
    )(value)


@register
class ConsultationSheet(Sheet):
    kind = "consultations"
    title = "consultations"
    filename = "consultations"
    identity = "by statutory body, title and the date it opened"
    done_url = "commitments:consultation_list"
    already_there = "already recorded"
    columns = (
        Column(
            "title",
            "Title",
            clean_name,
            ("consultation", "consultation title", "name"),
            required=True,
            example="Changes to library opening hours",
            hint="give the consultation's title",
        ),
        Column(
            "body",
            "Statutory body",
            clean_name,
            ("organisation", "consulting body", "run by", "department", "body"),
            required=True,
            example="Northbrook Borough Council",
            hint="name the statutory signatory that ran it",
        ),
        Column(
            "opened_on",
            "Opened",
            parse_date,
            ("opened on", "open date", "start date", "opens", "launched"),
            required=True,
            example="05/01/2026",
            hint="give the date it opened",
        ),
        Column(
            "closes_on",
            "Closes",
            parse_date,
            ("closes on", "close date", "closing date", "end date", "closed"),
            required=True,
            example="30/03/2026",
            hint="give the date it closes",
        ),
        Column(
            "early_notice_on",
            "Early notice given on",
            parse_date,
            ("early notice", "early notice date", "notice given on"),
            example="01/12/2025",
        ),
        Column(
            "sector_involved",
            "Sector involved",
            clean_sector_involved,
            ("sector involved in designing it", "vcs involved", "sector involvement"),
            example="Yes",
        ),
        Column(
            "feedback_published_on",
            "Feedback published on",
            parse_date,
            ("feedback published", "feedback date", "response published on"),
            example="11/05/2026",
        ),
        Column("link", "Link", clean_website, ("url", "web address", "website"), example="https://example.org/c/1"),
    )

    def __init__(self):
        super().__init__()
        self.compact = current_compact()

    def learn(self, organisation, _identifier):
        return organisation

    def plan(self, rows):
        headings = self.headings_of()
        if self.compact is None:
            for row in rows:
                row.error(
                    "This is a consultation, but the Compact has not been set up yet: set it up under About the "
                    "Compact first"
                )
            return
        bodies = StatutoryBodies(self)
        existing = {}
        for consultation in Consultation.objects.filter(compact=self.compact):
            existing.setdefault(
                (consultation.body_id, name_key(consultation.title), consultation.opened_on), consultation
            )
        for row in rows:
            values = row.values
            row.label = values.get("title", "")
            if row.status == ERROR:
                continue
            if values["closes_on"] < values["opened_on"]:
                row.error(f"is before it opened ({values['opened_on']:%d/%m/%Y})", "closes_on", headings)
                continue
            body = bodies.find(row, "body_id", "body", headings)
            if body is None:
                continue
            row.body = body
            row.key = (body.pk, name_key(values["title"]), values["opened_on"])
            row.target = existing.get(row.key)
            if row.target is None:
                continue
            row.changes = changes_between(row.target, values, FIELDS, LABELS)
            row.status = CHANGED if row.changes else UNCHANGED
        mark_duplicates(
            rows, lambda row: [("same body, title and date opened", getattr(row, "key", None))], "consultation"
        )

    def apply(self, rows, *, by, reason):
        now = timezone.now()
        created, changed = [], []
        for row in rows:
            values = {name: row.values[name] for name in FIELDS if row.values.get(name) not in ("", None)}
            if row.status == NEW:
                created.append(
                    Consultation(
                        compact=self.compact,
                        body=row.body,
                        status=RecordStatus.VERIFIED,
                        reported_by=by,
                        verified_by=by,
                        verified_at=now,
                        created_at=now,
                        **values,
                    )
                )
            elif row.status == CHANGED:
                for name, value in values.items():
                    setattr(row.target, name, value)
                row.target.updated_at = now
                changed.append(row.target)
        if created:
            saved = bulk_create_with_history(
                created, Consultation, batch_size=500, default_user=by, default_change_reason=reason
            )
            services.check_new_records(saved)
        update_with_history(changed, Consultation, [*FIELDS, "updated_at"], by=by, reason=reason)
        for consultation in changed:
            services.run_checks(consultation)

    def export_rows(self):
        if self.compact is None:
            return
        consultations = Consultation.objects.filter(compact=self.compact).select_related("body")
        for consultation in consultations.order_by("opened_on", "id").iterator(chunk_size=1000):
            yield [
                consultation.title,
                consultation.body.name,
                consultation.opened_on,
                consultation.closes_on,
                consultation.early_notice_on,
                consultation.get_sector_involved_display(),
                consultation.feedback_published_on,
                consultation.link,
            ]
