"""Reading aids: text size, line spacing, high contrast and a dyslexia-friendly font.

Plain Python, no Django. A reader's choices live in one cookie in their own browser
(never on the server). Pages stay the same for everyone, so anonymous pages remain
cacheable: the choices are applied by a small stylesheet that reads the cookie
(``reading_preferences_css``), and JavaScript, where it runs, applies them at once.
"""

from __future__ import annotations

from dataclasses import dataclass

COOKIE_NAME = "send_toolkit_reading"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    css: str = ""


@dataclass(frozen=True)
class Preference:
    name: str
    legend: str
    options: tuple[Option, ...]

    @property
    def default(self) -> Option:
        return self.options[0]

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)


# The CSS sets custom properties that toolkit.css reads; the same values are set by
# the html classes ``reading-<name>-<value>`` that toolkit.js adds.
PREFERENCES: tuple[Preference, ...] = (
    Preference(
        "size",
        "Text size",
        (
            Option("standard", "Standard"),
            Option("large", "Large", "--reading-scale:1.25;"),
            Option("largest", "Largest", "--reading-scale:1.5;"),
        ),
    ),
    Preference(
        "spacing",
        "Line spacing",
        (
            Option("standard", "Standard"),
            Option("wide", "Wide", "--reading-leading:2;--reading-paragraph:1.5em;"),
        ),
    ),
    Preference(
        "contrast",
        "Colours",
        (
            Option("standard", "Standard"),
            Option(
                "high",
                "High contrast (yellow on black)",
                "--text:#fff;--background:#000;--panel:#000;--link:#ffff00;--link-visited:#ffff00;"
                "--muted:#fff;--border:#fff;--brand:#000;--brand-text:#fff;--focus:#00ffff;--focus-text:#000;",
            ),
        ),
    ),
    Preference(
        "font",
        "Font",
        (
            Option("standard", "Standard"),
            Option(
                "dyslexia",
                "Dyslexia-friendly (wider spacing)",
                '--font-body:Verdana,Tahoma,"Trebuchet MS",sans-serif;--reading-letter-spacing:0.05em;'
                "--reading-word-spacing:0.16em;",
            ),
        ),
    ),
)

PREFERENCE_NAMES = tuple(preference.name for preference in PREFERENCES)


def parse(cookie_value: str | None) -> dict[str, str]:
    """Read ``size:large|font:dyslexia``; anything unknown or malformed falls back to the defaults."""
    chosen = {preference.name: preference.default.value for preference in PREFERENCES}
    for part in (cookie_value or "")[:200].split("|"):
        name, _, value = part.partition(":")
        preference = next((p for p in PREFERENCES if p.name == name), None)
        if preference is not None and preference.option(value) is not None:
            chosen[name] = value
    return chosen


def serialise(chosen: dict[str, str]) -> str:
    """The cookie value for the non-default choices (empty when everything is standard)."""
    parts = []
    for preference in PREFERENCES:
        value = chosen.get(preference.name, "")
        if preference.option(value) is not None and value != preference.default.value:
            parts.append(f"{preference.name}:{value}")
    return "|".join(parts)


def update(current: dict[str, str], submitted: dict[str, str]) -> dict[str, str]:
    """Apply a submitted form: valid choices replace the current ones, anything else is ignored."""
    updated = dict(current)
    for preference in PREFERENCES:
        value = submitted.get(preference.name, "")
        if preference.option(value) is not None:
            updated[preference.name] = value
    return updated


def stylesheet(chosen: dict[str, str]) -> str:
    """A ``:root`` rule setting the custom properties for the chosen options (empty for the defaults)."""
    declarations = "".join(
        option.css
        for preference in PREFERENCES
        if (option := preference.option(chosen.get(preference.name, ""))) is not None
    )
    return f":root{{{declarations}}}\n" if declarations else ""
