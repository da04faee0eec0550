"""Journey metrics: each builds an Ibis expression over an EventLog and formats its rows.

A metric's Python function returns a table (its data twin); the CLI prints the same rows.
"""
