"""YAML → validated Catalog. Every problem names the file, the line and the field.

The YAML is composed into a node tree first (the C loader when present) so that each value
keeps its line number; values are then checked by hand rather than trusted.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from riskdesk.catalog.errors import CatalogError, CatalogIssue
from riskdesk.domain.case_kind import Matter, Procedure, Track
from riskdesk.domain.catalog import (
    Catalog,
    Citation,
    CitationKind,
    Node,
    PointType,
    RiskPoint,
    StageCatalog,
)
from riskdesk.domain.model import Severity, Stage

POINTS_PER_STAGE = 100
MAX_TITLE = 30
INDEX_FILE = "catalog.yaml"
E = TypeVar("E", bound=enum.Enum)
_NODE_PREFIX = {Stage.FILING: "L", Stage.TRIAL: "S", Stage.ENFORCEMENT: "Z"}

try:  # the C loader is several times faster; fall back when libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


class _Reader:
    """Walks one composed YAML document and records issues instead of stopping at the first."""

    def __init__(self, file: str, issues: list[CatalogIssue]) -> None:
        self.file = file
        self.issues = issues

    def issue(self, node: yaml.Node | None, where: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.issues.append(CatalogIssue(self.file, line, where, message))

    def mapping(self, node: yaml.Node, where: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.issue(node, where, "must be a mapping of keys to values")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.issue(key_node, where, f"key '{key}' appears twice")
            out[key] = value_node
        return out

    def scalar(self, node: yaml.Node | None, where: str, field: str, *, required: bool = True) -> Any:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.issue(node, where, f"{field} must be a single value")
            return None
        value = yaml.constructor.SafeConstructor().construct_object(node)
        if required and (value is None or (isinstance(value, str) and not value.strip())):
            self.issue(node, where, f"{field} must not be empty")
            return None
        return value

    def text(self, parent: dict[str, yaml.Node], pnode: yaml.Node, where: str, field: str,
             *, required: bool = True) -> str:
        node = parent.get(field)
        if node is None:
            if required:
                self.issue(pnode, where, f"{field} is missing")
            return ""
        value = self.scalar(node, where, field, required=required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.issue(node, where, f"{field} must be text, not {type(value).__name__}")
            return ""
        return value.strip()

    def sequence(self, node: yaml.Node | None, where: str, field: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.issue(node, where, f"{field} must be a list")
            return []
        return list(node.value)


def _read_stage(path: Path, issues: list[CatalogIssue], known_nodes: set[str]) -> StageCatalog | None:
    file = path.name
    root = _compose(path, issues)
    if root is None:
        return None
    r = _Reader(file, issues)
    top = r.mapping(root, "")
    if top is None:
        return None
    stage_text = r.text(top, root, "", "stage")
    try:
        stage = Stage(stage_text)
    except ValueError:
        if stage_text:
            r.issue(top.get("stage"), "", "stage must be filing, trial or enforcement")
        return None
    name = r.text(top, root, "", "name")
    nodes: list[Node] = []
    point_nodes: list[tuple[str, yaml.Node]] = []
    for node_node in r.sequence(top.get("nodes"), "", "nodes") or []:
        node = _read_node(r, stage, node_node, known_nodes, point_nodes)
        if node is not None:
            nodes.append(node)
    if "nodes" not in top:
        r.issue(root, "", "nodes is missing")
    _check_ids(r, stage, nodes, point_nodes, root)
    return StageCatalog(stage, name, tuple(nodes))


def _compose(path: Path, issues: list[CatalogIssue]) -> yaml.Node | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        issues.append(CatalogIssue(path.name, 1, "", f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        # utf-8-sig: a BOM from Windows Notepad is harmless, so accept it.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        issues.append(CatalogIssue(path.name, line, "", "the file is not UTF-8 (save it as UTF-8, not GBK)"))
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else 1
        issues.append(CatalogIssue(path.name, line, "", f"not valid YAML: {exc.problem}"))
        return None
    except yaml.YAMLError as exc:
        issues.append(CatalogIssue(path.name, 1, "", f"not valid YAML: {exc}"))
        return None
    if root is None:
        issues.append(CatalogIssue(path.name, 1, "", "the file is empty"))
    return root


def _read_node(r: _Reader, stage: Stage, node_node: yaml.Node, known_nodes: set[str],
               point_nodes: list[tuple[str, yaml.Node]]) -> Node | None:
    m = r.mapping(node_node, "node")
    if m is None:
        return None
    node_id = r.text(m, node_node, "node", "id")
    where = node_id or "node"
    if node_id and not re.fullmatch(_NODE_PREFIX[stage] + r"\d{2}", node_id):
        r.issue(m.get("id"), where, f"node id must look like {_NODE_PREFIX[stage]}01")
    if node_id in known_nodes:
        r.issue(m.get("id"), where, "node id appears twice")
    known_nodes.add(node_id)
    name = r.text(m, node_node, where, "name")
    points: list[RiskPoint] = []
    raw_points = r.sequence(m.get("points"), where, "points")
    if not raw_points:
        r.issue(node_node, where, "a node needs at least one point")
    for pn in raw_points:
        point = _read_point(r, stage, node_id, name, pn)
        if point is not None:
            points.append(point)
            point_nodes.append((point.id, pn))
    return Node(node_id, name, tuple(points))


def _read_point(r: _Reader, stage: Stage, node_id: str, node_name: str, pn: yaml.Node) -> RiskPoint | None:
    m = r.mapping(pn, node_id)
    if m is None:
        return None
    pid = r.text(m, pn, node_id, "id")
    where = pid or node_id
    before = len(r.issues)
    title = r.text(m, pn, where, "title")
    if len(title) > MAX_TITLE:
        r.issue(m.get("title"), where, f"title has {len(title)} characters; at most {MAX_TITLE}")
    severity = _choice(r, m, pn, where, "severity", [s.value for s in Severity], "high, medium or low")
    ptype = _choice(r, m, pn, where, "type", [t.value for t in PointType], "、".join(t.value for t in PointType))
    applies = _applies(r, m, pn, where)
    procedures = _enum_list(r, m, where, "procedures", Procedure)
    tracks = _enum_list(r, m, where, "tracks", Track)
    risk = r.text(m, pn, where, "risk")
    guidance = _guidance(r, m, pn, where)
    basis = _basis(r, m, pn, where)
    deadline = r.text(m, pn, where, "deadline", required=False)
    local = _bool(r, m, where, "local_practice")
    note = r.text(m, pn, where, "note", required=False)
    if local and not note:
        r.issue(pn, where, "a local_practice point needs a note saying whose practice it is")
    allowed = {"id", "title", "severity", "type", "applies_to", "risk", "guidance", "basis",
               "deadline", "local_practice", "note", "procedures", "tracks"}
    for key in m:
        if key not in allowed:
            r.issue(m[key], where, f"unknown field '{key}'")
    if len(r.issues) > before or not pid:
        return None
    return RiskPoint(pid, stage, node_id, node_name, title, Severity(severity), PointType(ptype), applies,
                     risk, guidance, basis, deadline, local, note, procedures, tracks)


def _choice(r: _Reader, m: dict[str, yaml.Node], pn: yaml.Node, where: str, field: str,
            allowed: list[str], spoken: str) -> str:
    value = r.text(m, pn, where, field)
    if value and value not in allowed:
        r.issue(m.get(field), where, f"{field} must be {spoken}")
    return value


def _bool(r: _Reader, m: dict[str, yaml.Node], where: str, field: str) -> bool:
    value = r.scalar(m.get(field), where, field, required=False)
    if value is None:
        return False
    if not isinstance(value, bool):
        r.issue(m.get(field), where, f"{field} must be true or false")
        return False
    return value


def _applies(r: _Reader, m: dict[str, yaml.Node], pn: yaml.Node, where: str) -> tuple[Matter, ...]:
    if "applies_to" not in m:
        r.issue(pn, where, "applies_to is missing")
        return ()
    items = [r.scalar(n, where, "applies_to") for n in r.sequence(m["applies_to"], where, "applies_to")]
    if not items:
        r.issue(m["applies_to"], where, "applies_to must list civil, criminal and/or administrative")
    known = {x.value: x for x in Matter}
    for item in items:
        if item not in known:
            r.issue(m["applies_to"], where, f"applies_to: '{item}' is not civil, criminal or administrative")
    return tuple(known[i] for i in items if i in known)


def _enum_list(r: _Reader, m: dict[str, yaml.Node], where: str, field: str, kind: type[E]) -> tuple[E, ...]:
    """An optional list of values of ``kind`` (procedures, tracks); absent or empty means "all"."""
    if field not in m:
        return ()
    known = {x.value: x for x in kind}
    out: list[E] = []
    for n in r.sequence(m[field], where, field):
        value = r.scalar(n, where, field)
        if value not in known:
            r.issue(n, where, f"{field}: '{value}' is not one of {', '.join(known)}")
        elif known[value] in out:
            r.issue(n, where, f"{field}: '{value}' is listed twice")
        else:
            out.append(known[value])
    if not out and not any(i.where == where for i in r.issues):
        r.issue(m[field], where, f"{field} must list at least one value (leave it out to mean all)")
    return tuple(out)


def _guidance(r: _Reader, m: dict[str, yaml.Node], pn: yaml.Node, where: str) -> tuple[str, ...]:
    node = m.get("guidance")
    if node is None:
        r.issue(pn, where, "guidance is missing")
        return ()
    if isinstance(node, yaml.ScalarNode):
        return (r.text(m, pn, where, "guidance"),)
    steps = []
    for step in r.sequence(node, where, "guidance"):
        value = r.scalar(step, where, "guidance step")
        if isinstance(value, str) and value.strip():
            steps.append(value.strip())
        elif value is not None:
            r.issue(step, where, "each guidance step must be text")
    if not steps:
        r.issue(node, where, "guidance must not be empty")
    return tuple(steps)


def _basis(r: _Reader, m: dict[str, yaml.Node], pn: yaml.Node, where: str) -> tuple[Citation, ...]:
    if "basis" not in m:
        r.issue(pn, where, "basis is missing")
        return ()
    out = []
    items = r.sequence(m["basis"], where, "basis")
    if not items:
        r.issue(m["basis"], where, "basis must list at least one citation")
    for cn in items:
        c = r.mapping(cn, where)
        if c is None:
            continue
        law = r.text(c, cn, where, "law")
        kind_text = r.text(c, cn, where, "kind", required=False) or "statute"
        kinds = {k.value: k for k in CitationKind}
        if kind_text not in kinds:
            r.issue(c.get("kind"), where, "basis kind must be statute or policy")
        kind = kinds.get(kind_text, CitationKind.STATUTE)
        article = r.scalar(c.get("article"), where, "article", required=False)
        if article is None and kind is CitationKind.STATUTE:
            r.issue(cn, where, f"basis {law}: a statute citation needs an article number")
        elif article is not None and (isinstance(article, bool) or not isinstance(article, int) or article < 1):
            r.issue(c.get("article"), where, f"basis {law}: article must be a whole number, e.g. 126")
            article = None
        clause = r.text(c, cn, where, "clause", required=False)
        doc_no = r.text(c, cn, where, "doc_no", required=False)
        out.append(Citation(law, article, clause, kind, doc_no))
    return tuple(out)


def _check_ids(r: _Reader, stage: Stage, nodes: list[Node], point_nodes: list[tuple[str, yaml.Node]],
               root: yaml.Node) -> None:
    seen: dict[str, yaml.Node] = {}
    pattern = re.compile(stage.prefix + r"-\d{3}")
    for pid, pn in point_nodes:
        if not pattern.fullmatch(pid):
            r.issue(pn, pid, f"id must look like {stage.prefix}-001 in the {stage.value} file")
        if pid in seen:
            r.issue(pn, pid, f"duplicate id (first at line {seen[pid].start_mark.line + 1})")
        seen.setdefault(pid, pn)
    ids = [pid for pid, _ in point_nodes]
    expected = [f"{stage.prefix}-{i:03d}" for i in range(1, POINTS_PER_STAGE + 1)]
    if len(r.issues) == 0 and ids != expected:
        if len(ids) != POINTS_PER_STAGE:
            r.issue(root, "", f"the {stage.value} stage has {len(ids)} points; it must have exactly {POINTS_PER_STAGE}")
        else:
            first = next(i for i, (a, b) in enumerate(zip(ids, expected, strict=True)) if a != b)
            r.issue(point_nodes[first][1], ids[first], f"ids must run {expected[0]}…{expected[-1]} in order; expected {expected[first]} here")
    titles: dict[str, str] = {}
    for n in nodes:
        for p in n.points:
            if p.title in titles:
                r.issue(None, p.id, f"title repeats {titles[p.title]}: {p.title}")
            titles.setdefault(p.title, p.id)


def load_stage_file(path: Path) -> StageCatalog:
    """Load and validate one stage file on its own (used by ``riskdesk catalog check FILE``)."""
    issues: list[CatalogIssue] = []
    stage = _read_stage(path, issues, set())
    if issues or stage is None:
        raise CatalogError(issues or [CatalogIssue(path.name, 1, "", "no stage could be read")])
    return stage


def load_catalog(directory: Path, *, on_stage: Callable[[Stage], None] | None = None) -> Catalog:
    """Load ``catalog.yaml`` and the stage files it names; raise CatalogError listing every problem."""
    issues: list[CatalogIssue] = []
    index_path = directory / INDEX_FILE
    root = _compose(index_path, issues)
    if root is None:
        raise CatalogError(issues)
    r = _Reader(INDEX_FILE, issues)
    top = r.mapping(root, "") or {}
    version = r.scalar(top.get("version"), "", "version") if "version" in top else None
    if "version" not in top:
        r.issue(root, "", "version is missing")
    files = [r.scalar(n, "", "stages") for n in r.sequence(top.get("stages"), "", "stages")]
    stages: list[StageCatalog] = []
    for f in files:
        if not isinstance(f, str) or "/" in f or "\\" in f or f.startswith("."):
            r.issue(top.get("stages"), "", f"stage file {f!r} must be a plain file name")
            continue
        stage = _read_stage(directory / f, issues, set())
        if stage is not None:
            stages.append(stage)
            if on_stage is not None:
                on_stage(stage.stage)
    got = [s.stage for s in stages]
    if not issues and sorted(s.value for s in got) != sorted(s.value for s in Stage):
        r.issue(top.get("stages"), "", "stages must name one file each for filing, trial and enforcement")
    if issues:
        raise CatalogError(issues)
    order = list(Stage)
    stages.sort(key=lambda s: order.index(s.stage))
    return Catalog(str(version), tuple(stages))
