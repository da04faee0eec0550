"""Logging in and the checks of every request: sessions, tokens, CSRF, roles, rate limits."""
