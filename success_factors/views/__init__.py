"""The success factors' pages: the factors and their indicators, self-assessments, the partnership results
and comparisons, and the action plan."""
