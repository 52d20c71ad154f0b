"""The weekly actions digest: each person with open actions overdue or due soon is emailed a list of them,
never twice in one week."""
