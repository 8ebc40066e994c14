"""Colour contrast, as WCAG 2.2 defines it (success criteria 1.4.3 and 1.4.11). Plain Python, no Django."""

from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

# WCAG 2.2 AA: 4.5:1 for normal text, 3:1 for large text and for interface components.
TEXT_MINIMUM = 4.5
NON_TEXT_MINIMUM = 3.0

WHITE = "#ffffff"
# The grey of the footer, SENDIASS box, callouts and reading options (``--panel`` in toolkit.css).
PANEL = "#f3f2f1"

# Every background the link colour is drawn on (or, for white text on link-coloured buttons, under),
# named the way an editor would recognise it. The settings form and the stylesheet test both read
# this, so a new background added here is checked everywhere at once.
LINK_BACKGROUNDS = {
    WHITE: "the white page",
    PANEL: "the grey panels (footer, SENDIASS box and callouts)",
}


def parse_hex(colour: str) -> tuple[int, int, int]:
    """``#1d4f91`` or ``#fff`` as (red, green, blue) in 0-255. Raises ValueError for anything else."""
    colour = colour.strip()
    if not HEX_COLOUR.match(colour):
        raise ValueError(f"{colour!r} is not a colour like #1d4f91")
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (_channel(value) for value in parse_hex(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1.0 (identical) to 21.0 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def passes_text_contrast(foreground: str, background: str) -> bool:
    return contrast_ratio(foreground, background) >= TEXT_MINIMUM


def weakest_contrast(colour: str, backgrounds: dict[str, str]) -> tuple[float, str, str]:
    """The lowest ratio of ``colour`` against any of ``backgrounds``, with that background and its name."""
    return min((contrast_ratio(colour, background), background, name) for background, name in backgrounds.items())
