"""Concerns: areas of the Compact that need addressing, raised by champions and officers and moved
open → in discussion → resolved or escalated to the LSP."""
