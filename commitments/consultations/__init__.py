"""Consultations: one a statutory signatory ran, with its dates, early notice, the sector's involvement and
the feedback published, checked against the commitments about consultations."""
