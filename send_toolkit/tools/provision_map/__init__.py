"""The costed provision map: a setting's plan of provision for a school year, costed at the council's rates.

A map belongs to the practitioner who made it and the colleagues they share it with; nothing in it is
about a pupil (DESIGN.md section 5). One pupil's costed provision is computed on request from a map's
rows and never stored (``views/pupil.py``).
"""
