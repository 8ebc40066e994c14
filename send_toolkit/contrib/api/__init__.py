"""The Wagtail API v2 pages and interventions endpoints, filtered through the toolkit's access gate
(``router.api_router``)."""
