"""The records kept about the records: every change with who made it (and putting an earlier version back),
and backups of the whole database."""
