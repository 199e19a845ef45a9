"""Render resources/icons/riskdesk.svg to the PNG sizes the .deb installs and to riskdesk.ico (Windows).

Run by hand after editing the SVG, then commit the outputs:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (48, 128, 256)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    svg = ICONS / "riskdesk.svg"
    for size in SIZES:
        out = ICONS / f"riskdesk-{size}.png"
        if not render(svg, size).save(str(out), "PNG"):
            raise SystemExit(f"cannot write {out}")
        print(out)
    # Windows wants one .ico with several sizes; Pillow (a reportlab dependency) writes that.
    from PIL import Image

    big = ICONS / "riskdesk-256.png"
    ico = ICONS / "riskdesk.ico"
    Image.open(big).save(ico, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(ico)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
