"""The JSON API under ``/api/v1``: every page action has its twin here."""
