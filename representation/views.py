"""The pages of the sector's representation: boards and their seats, networks, and report-backs.

Everyone signed in (representatives too) reads the boards and networks; officers change them; a representative
writes report-backs for their own seats, and reads those of the networks that nominated them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from signatories.form_fields import add_service_error
from signatories.roles import ALL_ROLES, CHAMPION, OFFICER, REPRESENTATIVE, is_officer, role_required
from signatories.selectors import current_compact

from . import selectors, services
from .forms import (
    AppointForm,
    BoardForm,
    EndTermForm,
    MeetingForm,
    MemberForm,
    MemberLeftForm,
    NetworkForm,
    ReportBackForm,
)
from .models import Board, Meeting, Membership, Network, Seat, Term

# Everyone signed in reads the sector's boards and networks: representatives, and the three Compact roles.
EVERYONE = ALL_ROLES


def _compact_or_home(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before its boards and networks.")
    return compact


@role_required(*EVERYONE)
def board_list(request):
    compact = current_compact()
    today = timezone.localdate()
    boards = selectors.boards_with_seats(compact=compact, today=today)
    context = {
        "boards": boards,
        "today": today,
        "attention": selectors.seats_needing_attention(compact=compact, today=today)
        if is_officer(request.user)
        else None,
        "waiting": selectors.waiting_for(request.user, today=today),
    }
    return render(request, "representation/board_list.html", context)


def _board_form(request, board=None):
    compact = current_compact()
    if compact is None:
        _compact_or_home(request)
        return redirect("dashboard")
    initial = {}
    if board is not None:
        initial = {
            "name": board.name,
            "run_by": board.run_by,
            "meets": board.meets,
            "description": board.description,
            "sector_seats": board.seats.filter(retired_on__isnull=True).count(),
        }
    form = BoardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_board(by=request.user, compact=compact, board=board, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{saved.name} has been saved.")
            return redirect(saved)
    return render(request, "representation/board_form.html", {"form": form, "board": board})


@role_required(OFFICER)
def board_create(request):
    return _board_form(request)


@role_required(OFFICER)
def board_edit(request, pk):
    return _board_form(request, get_object_or_404(Board, pk=pk))


@role_required(*EVERYONE)
def board_detail(request, pk):
    today = timezone.localdate()
    try:
        seats = selectors.board_with_seats(pk=pk, today=today)
    except Board.DoesNotExist:
        raise Http404("No such board.") from None
    context = {"board": seats.board, "seats": seats, "today": today, "meetings": selectors.meetings_of(seats.board)}
    return render(request, "representation/board_detail.html", context)


@role_required(OFFICER)
def meeting_create(request, pk):
    board = get_object_or_404(Board, pk=pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.add_meeting(by=request.user, board=board, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"The meeting on {meeting.held_on:%-d %B %Y} has been added.")
            return redirect(board)
    return render(request, "representation/meeting_form.html", {"form": form, "board": board})


def _seat(pk):
    return get_object_or_404(Seat.objects.select_related("board__run_by"), pk=pk, retired_on__isnull=True)


@role_required(*EVERYONE)
def seat_detail(request, pk):
    seat = _seat(pk)
    today = timezone.localdate()
    row = selectors.seat_row(seat, seat.terms.select_related("organisation", "nominated_by", "holder"), today)
    return render(request, "representation/seat_detail.html", {"seat": seat, "row": row, "today": today})


@role_required(OFFICER)
def seat_appoint(request, pk):
    seat = _seat(pk)
    form = AppointForm(request.POST or None, compact=current_compact())
    if request.method == "POST" and form.is_valid():
        try:
            term = services.appoint(by=request.user, seat=seat, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            flag = " It is flagged: the organisation is not a member of the network." if term.outside_network else ""
            messages.success(
                request, f"{term.holder_name} holds seat {seat.number} from {term.starts_on:%-d %B %Y}.{flag}"
            )
            return redirect(seat)
    return render(request, "representation/seat_appoint.html", {"form": form, "seat": seat})


@role_required(OFFICER)
def term_end(request, pk):
    term = get_object_or_404(Term.objects.select_related("seat__board"), pk=pk)
    form = EndTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_term(by=request.user, term=term, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"{term.holder_name}’s term ends on {term.left_on:%-d %B %Y}. The seat is vacant from the next day.",
            )
            return redirect(term.seat)
    return render(request, "representation/term_end.html", {"form": form, "term": term})


@role_required(*EVERYONE)
def network_list(request):
    return render(
        request, "representation/network_list.html", {"networks": selectors.networks(compact=current_compact())}
    )


def _network_form(request, network=None):
    compact = current_compact()
    if compact is None:
        _compact_or_home(request)
        return redirect("dashboard")
    initial = {"name": network.name, "description": network.description} if network else {}
    form = NetworkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_network(by=request.user, compact=compact, network=network, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{saved.name} has been saved.")
            return redirect(saved)
    return render(request, "representation/network_form.html", {"form": form, "network": network})


@role_required(OFFICER)
def network_create(request):
    return _network_form(request)


@role_required(OFFICER)
def network_edit(request, pk):
    return _network_form(request, get_object_or_404(Network, pk=pk))


@role_required(*EVERYONE)
def network_detail(request, pk):
    network = get_object_or_404(Network, pk=pk)
    today = timezone.localdate()
    terms = network.terms.select_related("seat__board", "organisation").order_by(
        "seat__board__name", "seat__number", "-starts_on"
    )
    context = {
        "network": network,
        "members": selectors.members_of(network),
        "terms": [term for term in terms if term.holds_on(today) or term.starts_on > today],
        "report_backs": selectors.visible_report_backs(request.user).filter(term__nominated_by=network)[:20],
    }
    return render(request, "representation/network_detail.html", context)


@role_required(OFFICER)
def member_add(request, pk):
    network = get_object_or_404(Network, pk=pk)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.add_member(by=request.user, network=network, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{membership.organisation.name} is a member of {network.name}.")
            return redirect(network)
    return render(request, "representation/member_form.html", {"form": form, "network": network})


@role_required(OFFICER)
def member_remove(request, pk):
    """An organisation leaves a network: the membership is kept, with the date it left. Terms it already holds are
    not changed; a nomination by the network after that date is flagged."""
    membership = get_object_or_404(Membership.objects.select_related("network", "organisation"), pk=pk, left_on=None)
    form = MemberLeftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_member(by=request.user, membership=membership, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{membership.organisation.name} has left {membership.network.name}.")
            return redirect(membership.network)
    return render(request, "representation/member_remove.html", {"form": form, "membership": membership})


@role_required(*EVERYONE)
def report_back_list(request):
    """The report-backs the person may read, newest first, and the meetings waiting for their own."""
    report_backs = selectors.visible_report_backs(request.user)[:50]
    context = {"report_backs": report_backs, "waiting": selectors.waiting_for(request.user, today=timezone.localdate())}
    return render(request, "representation/report_back_list.html", context)


@role_required(OFFICER, CHAMPION, REPRESENTATIVE)
def report_back_create(request, term_pk, meeting_pk):
    term = get_object_or_404(Term.objects.select_related("seat__board", "organisation", "nominated_by"), pk=term_pk)
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=meeting_pk, board=term.seat.board)
    if not selectors.may_write_report_back(request.user, term):
        raise PermissionDenied("Only the representative who holds the seat writes its report-backs.")
    form = ReportBackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_back = services.record_report_back(by=request.user, meeting=meeting, term=term, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, f"Your report-back has been saved. Members of {term.nominated_by.name} can read it."
            )
            return redirect(report_back)
    return render(request, "representation/report_back_form.html", {"form": form, "term": term, "meeting": meeting})


@role_required(*EVERYONE)
def report_back_detail(request, pk):
    report_back = get_object_or_404(selectors.visible_report_backs(request.user), pk=pk)
    return render(request, "representation/report_back_detail.html", {"report_back": report_back})
