"""Pages about emails: officers' list of emails not sent (and trying one again), each person's choice of
optional emails, and one-click unsubscribe. The outbox itself is ``notifications``."""
