"""Running the toolkit in production: health, failure pages and request hygiene."""
