"""The public site: what officers choose to show anyone without signing in (the register, published wins
and reports, the scores, how the commitments are kept), the open data, and the cache of visitors' pages."""
