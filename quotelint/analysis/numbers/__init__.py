"""Figures and quantities: reading numbers with their units, measures and context, and
comparing them."""
