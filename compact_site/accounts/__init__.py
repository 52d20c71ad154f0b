"""People who use the service: invitations, sign-in (two-step verification, lockouts), and the personal data
held about each person, with its export and erasure."""
