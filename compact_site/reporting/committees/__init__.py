"""The committees a report goes to (the LSP, scrutiny, the Health and Wellbeing Board, a cabinet member) and their
meetings, the reports sent to each meeting, and the committees' recommendations with their responses (factor 2)."""
