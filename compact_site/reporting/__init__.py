"""Reports to the Local Strategic Partnership: figures for a period, the frozen snapshot, HTML, PDF and CSV."""
