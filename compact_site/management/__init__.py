"""The site's management commands live in ``commands/``."""
