"""Refresh the Chinese translation after UI strings moved or changed, then compile it.

Runs pyside6-lupdate over riskdesk/ui, fills an unfinished entry from a finished translation of the
same English source (a string that only moved to another class keeps its translation), drops
what no longer exists, lists what still needs a translator, and runs pyside6-lrelease.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "riskdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _known(root: ET.Element) -> dict[tuple[str, bool], ET.Element]:
    out: dict[tuple[str, bool], ET.Element] = {}
    for msg in root.iter("message"):
        tr = msg.find("translation")
        src = msg.findtext("source") or ""
        if tr is not None and tr.get("type") not in ("unfinished",) and ((tr.text or "").strip() or list(tr)):
            out.setdefault((src, msg.get("numerus") == "yes"), tr)
    return out


def main(argv: list[str]) -> int:
    """``argv[0]``, when given, is a JSON file mapping new English sources to their Chinese text."""
    import json

    given: dict[str, str] = json.loads(Path(argv[0]).read_text(encoding="utf-8")) if argv else {}
    before = _known(ET.parse(TS).getroot())
    sources = sorted(str(p) for p in (REPO / "riskdesk" / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete"], check=True)
    tree = ET.parse(TS)
    missing = []
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        assert tr is not None
        if tr.get("type") != "unfinished":
            continue
        src = msg.findtext("source") or ""
        found = before.get((src, msg.get("numerus") == "yes"))
        if found is None and src in given:
            found = ET.Element("translation")
            if msg.get("numerus") == "yes":
                ET.SubElement(found, "numerusform").text = given[src]
            else:
                found.text = given[src]
        if found is None:
            missing.append(src)
            continue
        tr.attrib.pop("type", None)
        tr.text = found.text
        for child in list(tr):
            tr.remove(child)
        for child in found:
            tr.append(child)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for src in missing:
        print("needs a translation:", src)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
