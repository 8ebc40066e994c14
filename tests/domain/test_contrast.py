"""The pure contrast-ratio function council colours are checked with (WCAG 2.2 definition)."""

import re
from pathlib import Path

import pytest

from send_toolkit.domain.contrast import (
    LINK_BACKGROUNDS,
    PANEL,
    contrast_ratio,
    parse_hex,
    passes_text_contrast,
    weakest_contrast,
)


def test_black_on_white_is_the_maximum_ratio():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_identical_colours_have_no_contrast():
    assert contrast_ratio("#1d4f91", "#1d4f91") == pytest.approx(1.0)


def test_ratio_is_the_same_either_way_round():
    assert contrast_ratio("#767676", "#fff") == pytest.approx(contrast_ratio("#fff", "#767676"))


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("#767676", 4.54), ("#777777", 4.48), ("#1d70b8", 5.17), ("#595959", 7.0)],
)
def test_known_ratios_against_white(colour, expected):
    assert contrast_ratio(colour, "#ffffff") == pytest.approx(expected, abs=0.01)


def test_grey_767676_is_the_lightest_grey_that_passes_on_white():
    assert passes_text_contrast("#767676", "#ffffff")
    assert not passes_text_contrast("#777777", "#ffffff")


def test_short_hex_codes_are_expanded():
    assert parse_hex("#fa0") == (255, 170, 0)


@pytest.mark.parametrize("bad", ["red", "#12345", "123456", "#ggg000", ""])
def test_anything_but_a_hex_colour_is_refused(bad):
    with pytest.raises(ValueError, match="not a colour"):
        parse_hex(bad)


STYLESHEET = Path(__file__).resolve().parents[2] / "send_toolkit" / "static" / "send_toolkit" / "css" / "toolkit.css"
ON_WHITE = [
    "--text",
    "--muted",
    "--link",
    "--link-visited",
    "--button",
    "--brand",
    "--tier-advice",
    "--tier-help",
    "--tier-more-help",
    "--tier-risk",
]


@pytest.mark.parametrize("name", ON_WHITE)
def test_default_theme_colours_in_the_stylesheet_pass_text_contrast_with_white(name):
    declared = dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", STYLESHEET.read_text()))
    assert passes_text_contrast(declared[name], "#ffffff"), f"{name} {declared[name]}"


def _declared_colours() -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", STYLESHEET.read_text()))


def test_the_panel_grey_the_contrast_check_uses_is_the_one_the_stylesheet_draws():
    assert _declared_colours()["--panel"].lower() == PANEL


@pytest.mark.parametrize("background", sorted(LINK_BACKGROUNDS))
@pytest.mark.parametrize("name", ["--link", "--link-visited"])
def test_default_link_colours_pass_text_contrast_on_every_background_links_sit_on(name, background):
    colour = _declared_colours()[name]
    assert passes_text_contrast(colour, background), f"{name} {colour} on {LINK_BACKGROUNDS[background]}"


def test_a_red_that_passes_on_white_fails_on_the_grey_panel():
    ratio, background, where = weakest_contrast("#d4351c", LINK_BACKGROUNDS)
    assert contrast_ratio("#d4351c", "#ffffff") == pytest.approx(4.86, abs=0.01)
    assert ratio == pytest.approx(4.34, abs=0.01)
    assert background == PANEL and "grey panels" in where
