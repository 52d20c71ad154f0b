"""Funding decisions: a statutory signatory's decision to fund, end or cut funding of voluntary and community
organisations, checked against the funding commitments, and the early warning of funding ending without notice."""
