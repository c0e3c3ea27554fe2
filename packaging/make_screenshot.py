"""Takes the screenshot the AppStream metainfo points at: the main window on the demo data.

    .venv/bin/python packaging/make_screenshot.py            # packaging/screenshots/main-window.png
    .venv/bin/python packaging/make_screenshot.py --out X.png

The window is drawn offscreen at 1280x800 (the size the metainfo states) with
the demo organisation in a temporary database, as of the day the program
would use. Commit the PNG after a visible change to the main window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots" / "main-window.png"
SIZE = (1280, 800)
# Long enough for the evaluation that runs off the GUI thread to reach the panel.
SETTLE_MS = 1500


def settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"the PNG to write ({OUT.name})")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("MPN Competency Tracker")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder  # no saved window layout from the user
        db = Database.open(f"sqlite:///{Path(folder) / 'demo.sqlite3'}")
        try:
            context = AppContext(db, load_catalog())
            load_sample(db, context.as_of)
            window = MainWindow(context)
            window.resize(*SIZE)
            window.show()
            settle(SETTLE_MS)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.out)):
                print(f"make_screenshot: could not write {args.out}", file=sys.stderr)
                return 1
            window.close()
        finally:
            db.close()
    print(f"make_screenshot: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
