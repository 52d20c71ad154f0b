"""The register: the Compact, the organisations that signed it, their champions and endorsements, and its
spreadsheet imports; and what every higher app builds on: the roles, the GOV.UK form fields and kept figures."""
