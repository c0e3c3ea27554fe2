"""Exam records from CSV files: reading, mapping, validation, one-transaction import (no Qt).

The steps, in the order the wizard and the command line take them:
``reading.preview`` (encoding, delimiter, header, first records),
``columns.suggest_mapping``/``apply_overrides``, ``importing.survey_date_order``
(``DateColumnOrder.needs_choice`` means: ask month-first or day-first), and
``importing.run_import`` (``dry_run=True`` for the check), which returns an
``ImportResult`` with the counts, errors, warnings, batch id and store ``Change``.
``planning.plan_import`` runs the first three for the command line.
"""
