"""Creating and revoking API tokens, and noting when one was last used."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from signatories.roles import is_officer

from ..accounts.models import hash_token
from .models import ApiToken

TOKEN_PREFIX = "cpt_"
# last_used_at is written at most this often, so a busy token does not write on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


def _check_officer(by):
    if not is_officer(by):
        raise PermissionDenied("Only a Compact officer can manage API tokens.")


@transaction.atomic
def create_token(
    *, name: str, by: User, can_see_names: bool = False, rate_limit_per_minute: int | None = None
) -> tuple[ApiToken, str]:
    """A new token for a named use. Returns (the token record, the key): the key is never stored or shown again."""
    _check_officer(by)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Enter what the token is for, like Power BI – performance team"})
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name,
        prefix=key[: len(TOKEN_PREFIX) + 4],
        token_hash=hash_token(key),
        can_see_names=can_see_names,
        rate_limit_per_minute=rate_limit_per_minute or settings.API_RATE_LIMIT_PER_MINUTE,
        created_by=by,
    )
    return token, key


@transaction.atomic
def revoke_token(*, token: ApiToken, by: User) -> ApiToken:
    """Stop a token working, for good. The record stays, so the list shows what it was and when it was revoked."""
    _check_officer(by)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by = timezone.now(), by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def note_use(token: ApiToken) -> None:
    """Record that the token was used now (at most once a minute: one UPDATE, no read)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
