"""The seven critical success factors: their indicators, organisations' self-assessments in yearly rounds,
the scores and partnership results, and the action plan."""
