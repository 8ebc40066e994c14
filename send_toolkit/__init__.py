"""send_toolkit: a SEND Graduated Approach Toolkit for Wagtail."""

__version__ = "0.1.0"
