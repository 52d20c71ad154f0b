"""Tests of reporting a problem with a page."""
