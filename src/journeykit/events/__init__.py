"""The event log and everything computed from it.

Importers turn files into one journey-ordered event log; metrics are Ibis expressions that
run on the embedded DuckDB by default and on any Ibis backend (Spark, a warehouse) by URL.
Only :mod:`journeykit.events.engine` executes expressions.
"""
