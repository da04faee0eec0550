"""journeykit: self-hosted customer journey mapping and management."""

__version__ = "0.1.0"
