"""The printable checklist: one document model, rendered to PDF and to a printer."""
