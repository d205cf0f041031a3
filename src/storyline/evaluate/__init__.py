"""Scoring each capability against annotated data; one module per capability."""
