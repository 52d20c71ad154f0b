"""Template tags for every page: ``links`` (the ``{% url %}`` built-in, each address worked out once),
``compact`` (GOV.UK dates and times, the navigation, paging) and ``reports`` (for LSP reports)."""
