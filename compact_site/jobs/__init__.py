"""Scheduled jobs: every job of the service and its schedule, each run recorded as a ``JobRun``, and the
officers' "Scheduled jobs" page. A Django app of its own (label ``jobs``)."""
