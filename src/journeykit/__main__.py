"""``python -m journeykit`` runs the command line."""

from journeykit.cli import run

run()
