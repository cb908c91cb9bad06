"""Render resources/icons/privacy-checkup.svg into the icon files installers need: a Windows .ico and a macOS .icns.

    python packaging/icons/make_icons.py OUT_DIR      -> OUT_DIR/privacy-checkup.ico, OUT_DIR/privacy-checkup.icns

Both formats can hold PNG images, so each is a small container written here around PNGs that Qt
renders from the one SVG: no image tool is needed and the icons never drift from the SVG.
Run with the build environment's Python (it needs PySide6); it uses Qt's offscreen platform.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "privacy-checkup.svg"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types that hold PNG data, by pixel size (Apple's type codes).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024))


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file (header, one directory entry per image, then the PNGs)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns', the total length, then (type, length, PNG) entries; big-endian lengths."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # QImage and QPainter need an application object for fonts and colour spaces
    sizes = sorted(set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(SVG, size) for size in sizes}
    (out / "privacy-checkup.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (out / "privacy-checkup.icns").write_bytes(icns(pngs))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
