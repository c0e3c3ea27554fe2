"""Editors that validate as the user types: field widgets, table delegates and record forms."""
