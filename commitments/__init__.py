"""The Compact's commitments, and the records checked against them: consultations and funding decisions by
statutory signatories, each checked against each commitment, with explanations, rates and the early warning."""
