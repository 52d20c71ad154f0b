"""Template filters that show scores in words: ``{% load scores %}``."""
