"""Where data meets the map: numbers per step, journey discovery, reports, hypothesis tests."""
