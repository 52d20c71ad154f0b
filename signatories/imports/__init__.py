"""Importing the register from spreadsheets (organisations with their signature, champions, endorsements),
with a preview before anything changes, and exporting it; higher apps add kinds of import."""
