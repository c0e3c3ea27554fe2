"""Exam records from CSV files: reading, mapping, validation, one-transaction import (no Qt)."""
