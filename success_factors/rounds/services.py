"""Changes to self-assessment rounds. Each checks the move is allowed and records who made it."""

import datetime
import logging
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from signatories.models import Champion, Compact, Organisation
from signatories.selectors import officers

from . import emails, selectors
from .models import DeadlineExtension, NoticeKind, Round, RoundNotice, RoundStatus

logger = logging.getLogger(__name__)


def _check_dates(opens_on, deadline):
    if deadline < opens_on:
        raise ValidationError("The deadline must be on or after the day the round opens.")


def create_round(
    *,
    compact: Compact,
    year: str,
    opens_on: datetime.date,
    deadline: datetime.date,
    message: str = "",
    reminder_days: Iterable[int] | None = None,
) -> Round:
    """A planned round for a financial year; officers open it when they are ready."""
    _check_dates(opens_on, deadline)
    if Round.objects.filter(compact=compact, year=year).exists():
        raise ValidationError(f"There is already a {year} round.")
    return Round.objects.create(
        compact=compact,
        year=year,
        opens_on=opens_on,
        deadline=deadline,
        message=message.strip(),
        **({"reminder_days": sorted(set(reminder_days), reverse=True)} if reminder_days else {}),
    )


def update_round(
    *, round_: Round, opens_on: datetime.date, deadline: datetime.date, message: str, reminder_days: Iterable[int]
) -> Round:
    """Change a round's dates, message or reminder days. A closed round is kept as it was."""
    if round_.is_closed:
        raise ValidationError("This round is closed, so it can no longer be changed.")
    _check_dates(opens_on, deadline)
    round_.opens_on = opens_on
    round_.deadline = deadline
    round_.message = message.strip()
    round_.reminder_days = sorted(set(reminder_days), reverse=True)
    round_.save(update_fields=["opens_on", "deadline", "message", "reminder_days", "updated_at"])
    return round_


@transaction.atomic
def close_round(*, round_: Round, by: User) -> Round:
    """Close an open round: no more reminders. Late submissions are still accepted and marked late."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if not round_.is_open:
        raise ValidationError("Only an open round can be closed.")
    round_.status = RoundStatus.CLOSED
    round_.closed_at = timezone.now()
    round_.closed_by = by
    round_.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return round_


def extend_deadline(
    *, round_: Round, organisation: Organisation, deadline: datetime.date, reason: str, by: User
) -> DeadlineExtension:
    """Give one organisation a later deadline in the round (again, to change it)."""
    if round_.is_closed:
        raise ValidationError("This round is closed, so its deadlines can no longer be changed.")
    if deadline <= round_.deadline:
        raise ValidationError(
            f"The new deadline must be after the round's deadline, {round_.deadline.day} {round_.deadline:%B %Y}."
        )
    extension, _ = DeadlineExtension.objects.update_or_create(
        round=round_,
        organisation=organisation,
        defaults={"deadline": deadline, "reason": reason.strip(), "granted_by": by, "granted_at": timezone.now()},
    )
    return extension


@transaction.atomic
def open_round(*, round_: Round, by: User, today: datetime.date | None = None) -> tuple[int, int]:
    """Open a planned round: from today it asks every current signatory's active champions (with a login) for
    their organisation's self-assessment. Returns how many champions will be asked, and of how many organisations.

    The round's opening date becomes the day it really opened. Opening is refused once the deadline has passed.
    The emails are not written here: one pending ``RoundNotice`` per organisation is, in this transaction, and a
    task writes their emails after commit (``send_pending_notices``), so opening for 1,000 organisations is quick.
    """
    today = today or timezone.localdate()
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if not round_.is_planned:
        raise ValidationError("This round has already been opened.")
    if round_.deadline < today:
        raise ValidationError("The deadline has passed. Change the deadline before you open the round.")
    round_.status = RoundStatus.OPEN
    round_.opens_on = today
    round_.opened_at = timezone.now()
    round_.opened_by = by
    round_.save(update_fields=["status", "opens_on", "opened_at", "opened_by", "updated_at"])
    organisations = _write_openings(round_=round_, today=today, by=by)
    _send_after_commit(round_)
    return selectors.champions_to_ask(compact=round_.compact).count(), organisations


def _write_openings(*, round_, today, by):
    """A pending opening notice for each organisation to ask, in one INSERT ... SELECT; returns how many.

    Thousands of notices built as model objects and sent as parameters (``bulk_create``) took most of a second.
    """
    select, select_params = (
        selectors.organisations_to_ask(compact=round_.compact).values(asked_id=F("pk")).query.sql_with_params()
    )
    ops = connection.ops
    columns = [
        "round_id",
        "organisation_id",
        "kind",
        "deadline",
        "sent_on",
        "recipients",
        "note",
        "sent_by_id",
        "created_at",
    ]
    statement = "INSERT INTO {} ({}) SELECT %s, asked.asked_id, %s, %s, %s, 0, '', %s, %s FROM ({}) AS asked".format(
        ops.quote_name(RoundNotice._meta.db_table), ", ".join(ops.quote_name(column) for column in columns), select
    )
    params = [
        round_.pk,
        NoticeKind.OPENED,
        ops.adapt_datefield_value(round_.deadline),
        ops.adapt_datefield_value(today),
        getattr(by, "pk", None),
        ops.adapt_datetimefield_value(timezone.now()),
        *select_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def _by_organisation(champions):
    grouped = {}
    for champion in champions:
        grouped.setdefault(champion.organisation_id, []).append(champion)
    return grouped


@transaction.atomic
def chase(
    *, round_: Round, organisations: Iterable[Organisation], note: str, by: User, today: datetime.date | None = None
) -> list[Champion]:
    """An officer's note to the champions of organisations that have not submitted. Returns the champions who
    will be emailed (by a task after commit, as for opening). Organisations that have submitted in the meantime
    are left out."""
    today = today or timezone.localdate()
    if not round_.is_open:
        raise ValidationError("Only an open round's organisations can be chased.")
    if not note.strip():
        raise ValidationError("Write a note to go with the chaser.")
    waiting = {row.organisation.pk for row in selectors.round_progress(round_) if not row.has_responded}
    chosen = [organisation for organisation in organisations if organisation.pk in waiting]
    deadlines = selectors.extended_deadlines(round_)
    RoundNotice.objects.bulk_create(
        RoundNotice(
            round=round_,
            organisation=organisation,
            kind=NoticeKind.CHASE,
            note=note.strip(),
            deadline=deadlines.get(organisation.pk, round_.deadline),
            sent_on=today,
            sent_by=by,
        )
        for organisation in chosen
    )
    _send_after_commit(round_)
    return list(selectors.champions_to_ask(compact=round_.compact, organisations=chosen))


def _send_after_commit(round_):
    def hand_over():
        from .tasks import send_round_notices

        try:
            send_round_notices.delay(round_.pk)
        except Exception:  # the broker is down: the notices wait for the sweep job
            logger.exception("Could not queue the notices of round %s; the sweep will send them.", round_.pk)

    transaction.on_commit(hand_over, robust=True)


def send_pending_notices(*, round_id: int | None = None) -> str:
    """Write the emails of every pending opening and chase notice (of one round, or all) to the outbox, one
    organisation per transaction, each claimed first so two workers never send the same one. Called by the
    task an officer's action queues, and by the sweep job for any a lost task left behind. Returns a summary."""
    pending = RoundNotice.objects.filter(sent_at__isnull=True)
    if round_id is not None:
        pending = pending.filter(round_id=round_id)
    organisations = messages = 0
    for notice_id in pending.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            notice = (
                RoundNotice.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("round__compact", "organisation", "sent_by")
                .filter(pk=notice_id, sent_at__isnull=True)
                .first()
            )
            if notice is None:
                continue  # another worker has it, or has sent it
            champions = list(
                selectors.champions_to_ask(compact=notice.round.compact, organisations=[notice.organisation])
            )
            if notice.kind == NoticeKind.CHASE:
                sent = emails.chase(
                    round_=notice.round,
                    champions=champions,
                    note=notice.note,
                    by=notice.sent_by,
                    deadlines={notice.organisation_id: notice.deadline},
                )
            else:
                sent = emails.round_opened(round_=notice.round, champions=champions)
            notice.sent_at = timezone.now()
            notice.recipients = len(champions)
            notice.save(update_fields=["sent_at", "recipients"])
        organisations += 1
        messages += len(sent)
    return (
        f"{organisations} organisation{'s' if organisations != 1 else ''} sent round emails "
        f"({messages} email{'s' if messages != 1 else ''})"
    )


def reminder_stage(
    *, reminder_days: Iterable[int], deadline: datetime.date, today: datetime.date, opened_on: datetime.date
) -> int | None:
    """Which reminder (days before the deadline) is due today, or None.

    The stage is the smallest reminder day not yet passed: with 14 and 3, that is 14 from 14 days before the
    deadline and 3 from 3 days before, until the deadline itself. A job that missed a day catches up the
    next; a stage whose day came before the round opened is not sent (the opening email did its work).
    """
    days_left = (deadline - today).days
    if days_left < 0:
        return None
    due = [day for day in reminder_days if days_left <= day]
    if not due:
        return None
    stage = min(due)
    if deadline - datetime.timedelta(days=stage) < opened_on:
        return None
    return stage


def send_round_reminders(today: datetime.date | None = None) -> str:
    """The daily job: remind the champions of every organisation that has not submitted, at each of the open
    rounds' reminder days before its deadline (its own, if extended). Safe to run again the same day: each
    reminder is recorded (``RoundNotice``) in the same transaction as its emails, and a second try finds
    the record and sends nothing. Returns a one-line summary."""
    today = today or timezone.localdate()
    organisations = 0
    messages = 0
    for round_ in Round.objects.filter(status=RoundStatus.OPEN).select_related("compact"):
        due = {}
        for row in selectors.round_progress(round_):
            if row.has_responded:
                continue
            stage = reminder_stage(
                reminder_days=round_.reminder_days, deadline=row.deadline, today=today, opened_on=round_.opens_on
            )
            if stage is not None:
                due[row.organisation.pk] = (row, stage)
        if not due:
            continue
        champions = _by_organisation(
            selectors.champions_to_ask(
                compact=round_.compact, organisations=[row.organisation for row, _ in due.values()]
            )
        )
        for organisation_id, (row, stage) in due.items():
            try:
                with transaction.atomic():
                    people = champions.get(organisation_id, [])
                    RoundNotice.objects.create(
                        round=round_,
                        organisation=row.organisation,
                        kind=NoticeKind.REMINDER,
                        days_before=stage,
                        deadline=row.deadline,
                        sent_on=today,
                        sent_at=timezone.now(),
                        recipients=len(people),
                    )
                    sent = emails.reminder(
                        round_=round_, champions=people, deadline=row.deadline, days_left=(row.deadline - today).days
                    )
            except IntegrityError:
                continue  # already reminded at this stage for this deadline
            organisations += 1
            messages += len(sent)
    return (
        f"{organisations} organisation{'s' if organisations != 1 else ''} reminded "
        f"({messages} email{'s' if messages != 1 else ''})"
    )


def send_round_summaries(today: datetime.date | None = None) -> str:
    """The daily job: the day after an open round's deadline (or the first run after it), tell every officer
    how many signatories responded and who has not. Sent once per round (``Round.summary_sent_on``)."""
    today = today or timezone.localdate()
    sent_rounds = []
    candidates = Round.objects.filter(status=RoundStatus.OPEN, deadline__lt=today, summary_sent_on__isnull=True)
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            round_ = Round.objects.select_for_update().select_related("compact").get(pk=pk)
            if round_.summary_sent_on is not None:
                continue
            rows = selectors.round_progress(round_)
            emails.summary(
                round_=round_,
                officers=list(officers()),
                counts=selectors.progress_counts(rows),
                waiting=[row for row in rows if not row.has_responded],
            )
            round_.summary_sent_on = today
            round_.save(update_fields=["summary_sent_on", "updated_at"])
            sent_rounds.append(round_.year)
    if not sent_rounds:
        return "No round summaries due"
    return f"Summary sent to officers for {', '.join(sent_rounds)}"
