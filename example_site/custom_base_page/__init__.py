"""A host site's own base page model (WAGTAIL_PAGE_MODEL), to prove the toolkit runs on one.

Used by ``example_site.settings.custom_page_model`` and CI's custom-base-page leg; the default example
site uses Wagtail's ``Page``.
"""
