"""The Wagtail API v2 pages endpoint, filtered through the toolkit's access gate (``router.api_router``)."""
