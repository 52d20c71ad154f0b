"""Wins: what the Compact achieved, recorded by champions and officers with evidence, moderated, and
published in the library; and the concerns about what needs addressing (``concerns/``)."""
