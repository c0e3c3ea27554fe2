"""A menu path reads the same everywhere in the window: "Edit ▸ Organisation and targets…"."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from mpn_desktop.ui.getting_started import getting_started_html

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
PATH_WITH_A_GREATER_THAN = re.compile(
    r"\b(File|Edit|View|Help|Insights|Billing|Download reports|Competencies"
    r"|Datei|Bearbeiten|Ansicht|Hilfe|Abrechnung|Berichte herunterladen|Kompetenzen) > "
)


def test_getting_started_writes_menu_paths_with_the_window_s_arrow() -> None:
    for designations in (False, True):
        page = getting_started_html(designations)
        assert "Edit ▸ Organisation and targets" in page
        assert not PATH_WITH_A_GREATER_THAN.search(page)


def test_no_text_of_the_window_writes_a_menu_path_with_a_greater_than_sign() -> None:
    """Every source text the window translates, and its German, in both languages."""
    root = ElementTree.parse(TRANSLATIONS / "mpn_desktop_de.ts").getroot()
    texts = [
        element.text or ""
        for message in root.iter("message")
        for element in (message.find("source"), message.find("translation"))
        if element is not None
    ]
    assert len(texts) > 1000
    assert [text for text in texts if PATH_WITH_A_GREATER_THAN.search(text)] == []
