"""Emails: every kind the service sends, the outbox that writes each one in the caller's transaction and
delivers it once after commit (SMTP or GOV.UK Notify), and each person's choice of optional emails."""
