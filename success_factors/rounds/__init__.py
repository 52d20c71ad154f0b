"""Self-assessment rounds: a financial year's call for self-assessments, which officers plan, open, chase,
extend and close, with the emails, reminders and summaries it sends."""
