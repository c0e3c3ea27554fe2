"""The importers' words the import wizard shows, marked for the .ts (they live in ``importers``).

The importers name their fields and file kinds in English and import no Qt;
the wizard translates them where it shows them (``self.tr(field.label)``).
``tests/ui/test_translations.py`` fails when an importer's word is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

FIELD_LABELS = (
    QT_TR_NOOP("MCP ID"),
    QT_TR_NOOP("name"),
    QT_TR_NOOP("first name"),
    QT_TR_NOOP("last name"),
    QT_TR_NOOP("email"),
    QT_TR_NOOP("exam code"),
    QT_TR_NOOP("exam title"),
    QT_TR_NOOP("date passed"),
    QT_TR_NOOP("kind"),
    QT_TR_NOOP("MPN ID"),
    QT_TR_NOOP("subscription"),
    QT_TR_NOOP("customer"),
    QT_TR_NOOP("tenant ID"),
    QT_TR_NOOP("workload"),
    QT_TR_NOOP("association"),
    QT_TR_NOOP("associated on"),
    QT_TR_NOOP("month"),
    QT_TR_NOOP("day"),
    QT_TR_NOOP("service"),
    QT_TR_NOOP("consumption"),
    QT_TR_NOOP("revenue"),
    QT_TR_NOOP("active users"),
    QT_TR_NOOP("paid seats"),
    QT_TR_NOOP("currency"),
    QT_TR_NOOP("charge type"),
    QT_TR_NOOP("invoice"),
    QT_TR_NOOP("offer"),
    QT_TR_NOOP("unit price"),
    QT_TR_NOOP("charge end"),
    QT_TR_NOOP("subscription start"),
    QT_TR_NOOP("duplicate"),
    QT_TR_NOOP("free sku"),
    QT_TR_NOOP("qualifiers"),
    QT_TR_NOOP("publisher"),
    QT_TR_NOOP("plan"),
    QT_TR_NOOP("meter"),
)
"""The fields of the exam records and of the usage files, as the mapping page names them."""

FILE_KINDS = (
    QT_TR_NOOP("a usage-based reconciliation file (Azure in CSP)"),
    QT_TR_NOOP("a license-based reconciliation file (seats in CSP)"),
    QT_TR_NOOP("a daily rated usage file (Azure plan)"),
    QT_TR_NOOP("an Insights Azure usage download"),
    QT_TR_NOOP("an Insights licence usage download (Office 365 or EMS)"),
    QT_TR_NOOP("a new commerce invoice reconciliation file (licences in CSP)"),
    QT_TR_NOOP("an Insights Subscription details download"),
    QT_TR_NOOP("an Insights Competency performance download"),
    QT_TR_NOOP("a usage sheet"),
)
"""What the column names say a file is ("The column names say it is {kind}.")."""

DATE_ORDERS = (
    QT_TR_NOOP("month-first"),
    QT_TR_NOOP("day-first"),
)
"""How dates are read ("Dates are read {order}, as chosen.")."""

DELIMITERS = (
    QT_TR_NOOP("comma"),
    QT_TR_NOOP("semicolon"),
    QT_TR_NOOP("tab"),
)
"""The separators a file's columns were found to have ("Detected (comma)")."""
