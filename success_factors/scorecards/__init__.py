"""Scorecards: past self-assessment rounds imported from a spreadsheet (one more kind of register import),
so an area's trend starts from day one."""
