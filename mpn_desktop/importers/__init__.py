"""Exam records from CSV files: reading, column mapping, validation, one-transaction import. No Qt."""
