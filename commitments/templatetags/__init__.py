"""Template tags for the commitments pages: ``{% load commitment_rates %}`` draws a commitment's share met."""
