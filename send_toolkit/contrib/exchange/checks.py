"""System checks for the exchange's settings (send_toolkit.E007)."""

from __future__ import annotations

from django.core import checks

from send_toolkit.conf import toolkit_settings

LIMITS = ("EXCHANGE_MAX_ARCHIVE_SIZE", "EXCHANGE_MAX_UNPACKED_SIZE", "EXCHANGE_MAX_ENTRIES")


@checks.register()
def check_exchange_limits(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Each archive limit must be a whole number above zero: anything else would refuse every archive, or none."""
    problems = []
    for name in LIMITS:
        value = getattr(toolkit_settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(
                checks.Error(
                    f"SEND_TOOLKIT_{name} is {value!r}: it must be a whole number above zero.",
                    hint="Leave it out for the default (see docs/reference/settings.md).",
                    id="send_toolkit.E007",
                )
            )
    return problems
