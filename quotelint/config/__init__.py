"""Configuration: finding, loading and resolving it into Settings, and showing it."""
