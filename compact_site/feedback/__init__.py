"""Problems reported with a page: the short form behind "Report a problem with this page" on every page, kept for
officers with the page it came from, limited per address and guarded by a honeypot field."""
