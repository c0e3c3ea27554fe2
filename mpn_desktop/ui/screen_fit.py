"""Sizes windows and dialogs to the screen they open on, so no button is ever off it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

MARGIN = 0.92
"""The share of the screen's free area a window may take at most (room for its frame)."""


def available_area(widget: QWidget) -> QRect:
    """The free area (no task bars or docks) of the screen ``widget`` is on, or the main one."""
    screen: QScreen | None = widget.screen()
    if screen is None:
        parent = widget.parentWidget()
        screen = parent.screen() if parent is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def fitted_size(wanted: QSize, area: QRect) -> QSize:
    """``wanted``, made smaller where it does not fit ``MARGIN`` of ``area``."""
    return QSize(
        min(wanted.width(), int(area.width() * MARGIN)),
        min(wanted.height(), int(area.height() * MARGIN)),
    )


def resize_to_fit(widget: QWidget, wanted: QSize | tuple[int, int]) -> None:
    """Resizes ``widget`` to ``wanted`` or, on a smaller screen, as much of it as fits.

    Its minimum size gives way too: a minimum larger than the screen would put
    the bottom buttons out of reach (1366×768 at 150% scaling is 910×512 points).
    """
    size = QSize(*wanted) if isinstance(wanted, tuple) else wanted
    area = available_area(widget)
    # Never below what the contents need where the screen has room for it: a window
    # smaller than its layout's minimum squeezes (and cuts) what it shows.
    fitted = fitted_size(size, area).expandedTo(widget.minimumSizeHint()).boundedTo(area.size())
    minimum = widget.minimumSize()
    if minimum.width() > fitted.width() or minimum.height() > fitted.height():
        # No minimum of its own then: its layout's, which Qt keeps up to date as the
        # contents change (a status panel filled after the first start needs more width
        # in German, and the window grows to it instead of opening squeezed below it).
        widget.setMinimumSize(0, 0)
    widget.resize(fitted)


def keep_on_screen(widget: QWidget) -> None:
    """Shrinks and centres a restored window that is not all on its screen's free area."""
    area = available_area(widget)
    if area.contains(widget.frameGeometry()):
        return
    resize_to_fit(widget, widget.size())
    # Centred, the margin fitted_size leaves holds the window's frame too; a window
    # whose contents need more than that is as wide as they need once shown.
    shown = widget.size().expandedTo(widget.minimumSizeHint())
    widget.move(
        area.x() + max((area.width() - shown.width()) // 2, 0),
        area.y() + max((area.height() - shown.height()) // 2, 0),
    )
