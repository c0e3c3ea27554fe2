"""An add form with nothing to choose says what to add first, and offers to add it.

Add exam with no people, Add subscription or reference with no customers: the
form's list would be empty and the form could never be filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui import questions
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.models.fields import Field
from mpn_desktop.ui.models.store_fields import from_store
from mpn_desktop.ui.undo_commands import AddRecordCommand
from mpn_desktop.ui.write_ahead import prepare_to_write


def _tr(text: str) -> str:
    return QCoreApplication.translate("AddFirst", text)


def offer_to_add_first(parent: QWidget, question: str, action: str) -> bool:
    """Asks whether to add the missing record first; True when the user chose ``action``."""
    return questions.ask(parent, _tr("Nothing to choose yet"), question, action)


def add_customer(context: AppContext, parent: QWidget) -> bool:
    """The Add customer form, anywhere (a reference needs a customer); True when one was added."""
    fields = tuple(
        from_store(RecordKind.CUSTOMER, field)
        for field in (Field("name", _tr("Customer")), Field("tenant_id", _tr("Tenant ID")))
    )
    prepare_to_write(context.db)
    form = RecordForm(_tr("Add customer"), fields, {}, None, parent)
    if form.exec() != RecordForm.DialogCode.Accepted:
        return False
    values = form.values()
    command = AddRecordCommand(
        context,
        RecordKind.CUSTOMER,
        {key: value for key, value in values.items() if value is not None},
        _tr("customer {name}").format(name=values.get("name", "")),
    )
    context.undo_stack.push(command)
    return command.done
