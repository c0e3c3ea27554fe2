"""How long a paste of 10,000 cells into the Sales tab's usage grid takes, to the redrawn panel.

Stores the large benchmark organisation (``benchmarks/large_org.py``: 1,000
subscriptions x 36 months) in a temporary SQLite file, opens the main window on
it (offscreen) with the Sales tab's Usage by month page showing, and pastes
1,000 rows x 10 months of consumption from the grid's first cell: half of the
cells change a month that has usage, the months without any get a new row.
Times, for each paste and for its undo:

- the paste itself: the text read into cells, the one store transaction, the
  tables and the grid refreshed (``paste_text`` returning);
- the whole way to the redrawn status panel (``progressChanged`` handled and
  the panel painted), as the user sees it.

Issue 13 asks for under 1 s to the redrawn panel.
Run: ``.venv/bin/python benchmarks/bench_paste_usage.py``.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROUNDS = 3
ROWS = 1_000
COLUMNS = 10


def _until_panel(app: Any, window: Any) -> None:
    """Runs the event loop until the panel shows a new progress, and paints it."""
    from qt_timing import wait_for

    wait_for(app, window.progress_source.progressChanged, timeout_s=60)
    window.panel.repaint()  # painted now, not at the next turn of the loop
    app.processEvents()


@dataclasses.dataclass
class _Times:
    """Wall-clock and CPU seconds of one paste (or undo)."""

    to_grid: float = 0.0
    to_panel: float = 0.0
    cpu: float = 0.0


def main() -> int:
    """Runs the benchmark and prints its figures."""
    import large_org
    from PySide6.QtWidgets import QApplication

    from mpn_desktop import catalog_files
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow
    from mpn_desktop.ui.settings import WindowSettings

    app = QApplication.instance() or QApplication([])
    facts = large_org.without_repeated_exams(large_org.build_large_org())
    catalog = catalog_files.load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(f"sqlite:///{Path(folder) / 'large.sqlite3'}")
        load_document(db, document_from_facts(facts))
        context = AppContext(db, catalog, as_of=large_org.AS_OF)
        window = MainWindow(context, WindowSettings(Path(folder) / "settings.ini"))
        window.resize(1366, 768)
        window.show()
        sales = window.step_tabs[0]
        grid = sales.usage_grid  # type: ignore[attr-defined]
        sales.pages.setCurrentWidget(grid)  # type: ignore[attr-defined]
        _until_panel(app, window)
        rows = len(grid.model.grid_rows)
        if rows < ROWS:
            raise SystemExit(f"the grid has {rows} subscriptions, fewer than {ROWS}")
        pastes: list[_Times] = []
        undos: list[_Times] = []
        for round_number in range(ROUNDS):
            text = "".join(
                "\t".join(
                    f"{1000 + round_number * 7 + row % 97 + column}.25" for column in range(COLUMNS)
                )
                + "\r\n"
                for row in range(ROWS)
            )
            grid.view.setCurrentIndex(grid.model.index(0, 0))
            paste = _Times()
            started, cpu = time.perf_counter(), time.process_time()
            command = grid.paste_text(text)
            paste.to_grid = time.perf_counter() - started
            if command is None or command.written is None:
                raise SystemExit(f"the paste was refused: {grid.problem_label.text()}")
            _until_panel(app, window)
            paste.to_panel = time.perf_counter() - started
            paste.cpu = time.process_time() - cpu
            pastes.append(paste)
            undo = _Times()
            started, cpu = time.perf_counter(), time.process_time()
            context.undo_stack.undo()
            _until_panel(app, window)
            undo.to_panel = time.perf_counter() - started
            undo.cpu = time.process_time() - cpu
            undos.append(undo)
        cells = ROWS * COLUMNS
        print(
            f"usage grid paste on the large organisation ({len(facts.usage):,} usage rows, "
            f"{rows:,} subscriptions in the grid), {cells:,} cells per paste, {ROUNDS} rounds:"
        )
        for number, (paste, undo) in enumerate(zip(pastes, undos, strict=True), start=1):
            print(
                f"  paste {number}: {paste.to_grid * 1000:5.0f} ms to the grid refreshed, "
                f"{paste.to_panel * 1000:5.0f} ms to the redrawn status panel "
                f"({paste.cpu * 1000:.0f} ms CPU); its undo {undo.to_panel * 1000:5.0f} ms "
                f"({undo.cpu * 1000:.0f} ms CPU)"
            )
        print(
            "  median to the redrawn panel: paste "
            f"{statistics.median(p.to_panel for p in pastes) * 1000:.0f} ms "
            f"({statistics.median(p.cpu for p in pastes) * 1000:.0f} ms CPU), undo "
            f"{statistics.median(u.to_panel for u in undos) * 1000:.0f} ms "
            f"({statistics.median(u.cpu for u in undos) * 1000:.0f} ms CPU); target: under 1,000 ms"
        )
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
