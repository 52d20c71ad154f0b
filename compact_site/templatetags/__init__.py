"""Template tags: ``compact`` (GOV.UK dates and times, the navigation, paging) and ``reports`` (for LSP
reports)."""
