"""Exam records and sales data (usage) from CSV files: reading, mapping, validation, one
transaction through ``store/`` (no Qt, no database library).

One pipeline for every import kind (``kinds.ImportKind``: ``kinds.ExamImport``,
``usage_import.UsageImport``): the kind gives its fields, its validator and
its sink, which hands the valid rows to the store's writer of that kind.
The steps, in the order the wizard and the command line take them:
``reading.preview`` (encoding, delimiter, header, first records),
``columns.suggest_mapping``/``apply_overrides``, ``importing.survey_date_order``
(``DateColumnOrder.needs_choice`` means: ask month-first or day-first), and
``importing.run_import`` (``dry_run=True`` for the check), which returns an
``ImportResult`` with the counts, errors, warnings, batch id and store ``Change``.
``planning.plan_import`` runs the first three for the command line.
"""
