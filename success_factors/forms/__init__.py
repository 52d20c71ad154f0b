"""The success factors' forms: filling in a self-assessment (``assessments``), and the factors' local
indicators and the action plan (``plan``)."""

from .assessments import (
    FactorAnswersForm,
    RatingForm,
    ReopenAssessmentForm,
    StartAssessmentForm,
    SubmitAssessmentForm,
)

__all__ = ["FactorAnswersForm", "RatingForm", "ReopenAssessmentForm", "StartAssessmentForm", "SubmitAssessmentForm"]
