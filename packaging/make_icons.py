"""Renders resources/icons/mpn-desktop.svg to the PNG, .ico and .icns files each platform wants.

Run it after editing the SVG and commit what it writes:

    .venv/bin/python packaging/make_icons.py            # writes into resources/icons/
    .venv/bin/python packaging/make_icons.py --out DIR  # writes somewhere else (tests do)

Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) draws the PNGs; the
.ico and .icns containers are written here directly because both are just a
small index followed by PNG data, which every Windows since Vista and every
macOS since 10.7 reads.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SVG_NAME = "mpn-desktop.svg"
BASE_NAME = "mpn-desktop"

#: The PNG sizes committed under resources/icons (hicolor theme, window icons).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows shows 16-48 in lists and the taskbar and 256 in large views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS type codes holding PNG data, with the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn at size x size pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs ask for bytes but the binding accepts only str here.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        # 0 in the width/height bytes means 256.
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG data under the type codes of ICNS_TYPES."""
    body = b""
    for code, size in ICNS_TYPES:
        data = pngs[size]
        body += code + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out: Path) -> list[Path]:
    """Writes every icon file into out; returns the paths written."""
    renderer = QSvgRenderer(str(ICON_DIR / SVG_NAME))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {ICON_DIR / SVG_NAME} is not a valid SVG")
    wanted = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: png_bytes(render(renderer, size)) for size in wanted}
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / f"{BASE_NAME}-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = out / f"{BASE_NAME}.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out / f"{BASE_NAME}.icns"
    icns.write_bytes(icns_bytes(pngs))
    written += [ico, icns]
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: renders the icons into --out (resources/icons by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons(args.out):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
