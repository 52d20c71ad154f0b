from .assessments import (
    FactorAnswersForm,
    RatingForm,
    ReopenAssessmentForm,
    StartAssessmentForm,
    SubmitAssessmentForm,
)

__all__ = ["FactorAnswersForm", "RatingForm", "ReopenAssessmentForm", "StartAssessmentForm", "SubmitAssessmentForm"]
