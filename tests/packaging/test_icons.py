"""The committed icons are what packaging/make_icons.py renders from the SVG, in every format."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def decoded(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG"), "not a PNG Qt can read"
    return image


def ico_entries(data: bytes) -> dict[int, bytes]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    entries = {}
    for index in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert width == height
        entries[width or 256] = data[offset : offset + size]
    return entries


def icns_entries(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    entries = {}
    offset = 8
    while offset < len(data):
        code = data[offset : offset + 4]
        (length,) = struct.unpack_from(">I", data, offset + 4)
        entries[code] = data[offset + 8 : offset + length]
        offset += length
    assert offset == len(data)
    return entries


def images_in(path: Path) -> dict[object, QImage]:
    data = path.read_bytes()
    if path.suffix == ".ico":
        return {size: decoded(png) for size, png in ico_entries(data).items()}
    if path.suffix == ".icns":
        return {code: decoded(png) for code, png in icns_entries(data).items()}
    return {"png": decoded(data)}


# Another Qt version may round an anti-aliased edge one step the other way
# (PySide6 6.11 moves a few dozen edge pixels by 1 of 255 against 6.8); a
# changed drawing moves whole areas by far more than this.
TOLERANCE = 2


def rgba_bytes(image: QImage) -> bytes:
    converted = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return bytes(converted.constBits())[: converted.sizeInBytes()]


def close_enough(made: QImage, committed: QImage) -> bool:
    if made.size() != committed.size():
        return False
    return all(
        abs(a - b) <= TOLERANCE
        for a, b in zip(rgba_bytes(made), rgba_bytes(committed), strict=True)
    )


def same_pixels(made: Path, committed: Path) -> bool:
    # Pixels, not bytes: another Qt version may compress the PNGs differently.
    ours, theirs = images_in(made), images_in(committed)
    return ours.keys() == theirs.keys() and all(close_enough(ours[k], theirs[k]) for k in ours)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def test_a_changed_drawing_is_not_close_enough(qapp: QGuiApplication) -> None:
    committed = decoded((ICONS / "mpn-desktop-64.png").read_bytes())
    changed = committed.copy()
    for x in range(16, 48):
        changed.setPixelColor(x, 32, "red")
    assert close_enough(committed, committed.copy())
    assert not close_enough(committed, changed)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_has_its_size_and_a_transparent_corner(qapp: QGuiApplication, size: int) -> None:
    image = decoded((ICONS / f"mpn-desktop-{size}.png").read_bytes())
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, size - 1).alpha() == 0
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_committed_icons_match_the_svg(qapp: QGuiApplication, rendered: Path) -> None:
    stale = []
    for made in sorted(rendered.iterdir()):
        committed = ICONS / made.name
        if not committed.exists():
            stale.append(f"{made.name} (missing)")
            continue
        if not same_pixels(made, committed):
            stale.append(made.name)
    assert not stale, f"run packaging/make_icons.py and commit: {stale}"


def test_the_ico_holds_png_images_from_16_to_256(qapp: QGuiApplication) -> None:
    entries = ico_entries((ICONS / "mpn-desktop.ico").read_bytes())
    assert sorted(entries) == [16, 24, 32, 48, 64, 128, 256]
    for size, data in entries.items():
        assert data.startswith(PNG_SIGNATURE)
        assert decoded(data).width() == size


def test_the_icns_holds_png_images_from_16_to_1024(qapp: QGuiApplication) -> None:
    entries = icns_entries((ICONS / "mpn-desktop.icns").read_bytes())
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256}
    expected |= {b"ic09": 512, b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256}
    expected |= {b"ic14": 512}
    assert {code: decoded(data).width() for code, data in entries.items()} == expected
