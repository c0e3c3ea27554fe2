"""Makes docs/screenshot.png: the main window on the demo organisation, 1280x800, offscreen.

Run from the repository: ``.venv/bin/python docs/make_screenshot.py``. The
window shows the Sales performance tab with Fabrikam's Azure subscription
chosen, so every part of the window has something in it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = date(2018, 3, 1)
SIZE = (1280, 800)
OUT = Path(__file__).resolve().parent / "screenshot.png"


def main() -> int:
    """Opens the window on a throw-away database, chooses what to show, and saves the picture."""
    from PySide6.QtWidgets import QApplication

    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings
    from mpn_desktop.ui.tabs.sales_tab import SalesTab

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder) / 'tracker.sqlite3'}")
        load_sample(db, AS_OF)
        context = AppContext(db, load_catalog(), as_of=AS_OF)
        window = MainWindow(context, WindowSettings(Path(folder) / "settings.ini"))
        window.resize(*SIZE)
        window.show()
        window.tabs.setCurrentIndex(0)
        sales = window.tabs.currentWidget()
        assert isinstance(sales, SalesTab)
        for section, key, value in (
            (sales.customers, "name", "Fabrikam"),
            (sales.subscriptions, "external_id", "sub-fabrikam-azure"),
        ):
            for record in section.model.records():
                if record[key] == value:
                    section.select_id(record["id"])
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(OUT))
        window.close()
        db.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
