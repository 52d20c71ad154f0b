"""Template filters that show scores in words: ``{% load scores %}``."""

from django import template

from .. import wording

register = template.Library()


@register.filter
def score(value):
    """{{ result.score|score }} → "58" or "Not enough evidence"."""
    return wording.score_text(value)


@register.filter
def change_from(now, before):
    """{{ result.score|change_from:result.previous_score }} → "up 8", "down 3", "no change" or "–"."""
    return wording.change_text(now, before)


@register.filter
def gap_words(result):
    """{{ result|gap_words }} → "Statutory partners rate it 18 points higher"."""
    return wording.gap_text(result.statutory, result.voluntary)
