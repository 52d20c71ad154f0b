"""The read-only JSON API for other systems (a Power BI report, a spreadsheet): its endpoints, the keys
officers give out, each key's rate limit, and cursor paging."""
