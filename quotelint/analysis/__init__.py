"""Analyses: pure functions from a Document to typed spans, each computed once per document."""
