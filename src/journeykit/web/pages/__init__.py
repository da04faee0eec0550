"""The HTML pages: Jinja2 templates, htmx fragments, and the same services as the API."""
