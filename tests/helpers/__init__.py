"""Shared test helpers: databases copied from migrated templates, fixtures, log checks."""
