"""Resource pledges (success factor 6): what each signatory puts into the Compact in a financial year — named roles
with hours a month, money from a budget line, help in kind — and who agreed it."""
