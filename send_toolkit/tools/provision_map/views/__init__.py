"""The provision map's screens, one module per screen family (maps, rows, colleagues, exports, one pupil)."""
