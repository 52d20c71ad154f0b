"""Tests of the accessibility statement, privacy notice, cookies and contact pages and security.txt."""
