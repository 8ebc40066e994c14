"""Practitioner tools: each in its own room (``tools/<tool>/``), its arithmetic or rules in ``domain/``."""
