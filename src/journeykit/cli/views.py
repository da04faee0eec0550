"""Rich renderings of journeys, revisions and diffs for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from journeykit.model.lanes import RATING_LABELS, TEXT_LANES

if TYPE_CHECKING:
    from journeykit.model import JourneyDocument
    from journeykit.model.diff import JourneyDiff
    from journeykit.store import JourneySummary, RevisionInfo, Workspace

_EMOTION_STYLE = {-2: "bold red", -1: "red", 0: "yellow", 1: "green", 2: "bold green"}
_CHANGE_MARK = {
    "added": ("+", "green"),
    "removed": ("-", "red"),
    "changed": ("~", "yellow"),
    "moved": ("↕", "cyan"),
}


def journey_table(summaries: list[JourneySummary]) -> Table:
    """The journeys of a workspace as a table."""
    table = Table(title="Journeys", title_justify="left")
    for column in ("id", "title", "state", "revision", "derived from", "updated"):
        table.add_column(column)
    for s in summaries:
        table.add_row(
            s.id,
            s.title,
            s.state,
            str(s.revision),
            s.derived_from or "",
            f"{s.updated_at:%Y-%m-%d %H:%M}",
        )
    if not summaries:
        table.caption = "No journeys yet: import one with `journeykit journey import FILE`."
    return table


def revision_data(info: RevisionInfo) -> dict[str, Any]:
    """A revision as plain data."""
    return {
        "journey_id": info.journey_id,
        "revision": info.number,
        "author": info.author,
        "created_at": info.created_at.isoformat(),
        "message": info.message,
        "based_on": info.based_on,
    }


def history_table(journey_id: str, revisions: list[RevisionInfo]) -> Table:
    """The revisions of a journey, newest first."""
    table = Table(title=f"History of {journey_id}", title_justify="left")
    for column in ("revision", "time (UTC)", "author", "message", "based on"):
        table.add_column(column)
    for r in revisions:
        table.add_row(
            str(r.number),
            f"{r.created_at:%Y-%m-%d %H:%M:%S}",
            r.author,
            r.message,
            "" if r.based_on is None else str(r.based_on),
        )
    return table


def _emotion_line(name: str, score: int, rating: str | None, language: str) -> Text:
    bar = "▁▂▄▆█"[score + 2]
    line = Text(f"{bar} {score:+d} ", style=_EMOTION_STYLE[score])
    line.append(name)
    if rating:
        line.append(f" · {RATING_LABELS[rating][1 if language == 'de' else 0]}", style="dim")
    return line


def journey_tree(doc: JourneyDocument, language: str = "en") -> Tree:
    """The journey as a tree: phases, steps, touchpoints, emotions and text lanes."""
    journey = doc.journey
    names = {p.id: p.name for p in doc.personas}
    header = Text(journey.title, style="bold")
    header.append(f"  ({journey.id}, {journey.state}, revision {doc.revision})", style="dim")
    tree = Tree(header)
    if journey.persona_ids:
        tree.add("Personas: " + ", ".join(names.get(i, i) for i in journey.persona_ids))
    for phase in journey.phases:
        branch = tree.add(Text(phase.name.text(language), style="bold magenta"))
        if not phase.steps:
            branch.add(Text("no steps", style="dim"))
        for step in phase.steps:
            node = branch.add(Text(step.title, style="bold"))
            for tp in step.touchpoints:
                importance = f", importance {tp.importance}" if tp.importance else ""
                node.add(f"⌖ {tp.name} [{tp.channel}, {tp.mode}, {tp.ownership}{importance}]")
            for emotion in step.lanes.emotions:
                name = names.get(emotion.persona_id, emotion.persona_id)
                node.add(_emotion_line(name, emotion.score, emotion.rating, language))
            for lane, labels in TEXT_LANES.items():
                items = step.lanes.text_lane(lane)
                if items:
                    lane_node = node.add(Text(labels[1 if language == "de" else 0], style="cyan"))
                    for item in items:
                        lane_node.add(Text(item.text))
    counts = (
        f"{len(doc.evidence)} evidence, {len(doc.hypotheses)} hypotheses, "
        f"{len(doc.measures)} measures, {len(doc.kpis)} KPIs"
    )
    tree.add(Text(counts, style="dim"))
    return tree


def _value(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def diff_view(journey_id: str, old: int, new: int, diff: JourneyDiff) -> Text:
    """The changes between two revisions, one per line with their details."""
    out = Text(f"{journey_id}: revision {old} → {new}\n", style="bold")
    if diff.is_empty():
        out.append("no changes\n", style="dim")
        return out
    counts = diff.counts()
    out.append(", ".join(f"{n} {kind}" for kind, n in counts.items() if n) + "\n\n")
    for change in diff.changes:
        mark, style = _CHANGE_MARK[change.kind]
        out.append(f"{mark} {change.kind} {change.entity.replace('_', ' ')} ", style=style)
        out.append(repr(change.label))
        if change.where:
            out.append(f" in {change.where}", style="dim")
        out.append("\n")
        for f in change.fields:
            out.append(f"    {f.field}: {_value(f.old)} → {_value(f.new)}\n", style="dim")
        if change.kind == "moved":
            out.append(f"    from {change.moved_from} to {change.moved_to}\n", style="dim")
    return out


def _document_counts(doc: JourneyDocument) -> str:
    steps = [step for _phase, step in doc.journey.steps()]
    touchpoints = sum(len(step.touchpoints) for step in steps)
    items = sum(len(step.lanes.text_lane(lane)) for step in steps for lane in TEXT_LANES)
    return (
        f"{len(doc.journey.phases)} phases, {len(steps)} steps, {touchpoints} touchpoints, "
        f"{items} lane items, {len(doc.evidence)} evidence, {len(doc.hypotheses)} hypotheses, "
        f"{len(doc.measures)} measures, {len(doc.kpis)} KPIs"
    )


def workspace_overview(workspace: Workspace) -> Group:
    """What a workspace holds: project, personas, journeys with their size, and what to try."""
    store = workspace.journeys()
    summaries = store.list()
    parts: list[Any] = [
        Text(f"Workspace {workspace.name!r} in {workspace.path}", style="bold"),
        Text(f"Database: {workspace.display_url()}", style="dim"),
    ]
    seen_projects: set[str] = set()
    seen_personas: set[str] = set()
    journeys = Table(title="Journeys", title_justify="left")
    for column in ("id", "title", "state", "revision", "contents"):
        journeys.add_column(column)
    for summary in summaries:
        doc = store.get(summary.id)
        journeys.add_row(
            summary.id, summary.title, summary.state, str(summary.revision), _document_counts(doc)
        )
        if doc.project and doc.project.id not in seen_projects:
            seen_projects.add(doc.project.id)
            project = doc.project
            parts.append(Text(f"\nProject: {project.name}", style="bold magenta"))
            for label, value in (
                ("Goal", project.goal),
                ("Who", project.scope.who),
                ("What", project.scope.what),
                ("Where", project.scope.where),
                ("When", project.scope.when),
                ("Owner", project.owner),
            ):
                if value:
                    parts.append(Text(f"  {label}: {value}"))
        for persona in doc.personas:
            if persona.id not in seen_personas:
                seen_personas.add(persona.id)
                line = Text(f"  Persona {persona.name}", style="cyan")
                if persona.scenario:
                    line.append(f": {persona.scenario}", style="default")
                parts.append(line)
    parts.extend([Text(""), journeys])
    if summaries:
        first = summaries[0].id
        parts.append(
            Text(
                "\nTry:\n"
                f"  journeykit -w {workspace.path} journey show {first}\n"
                f"  journeykit -w {workspace.path} journey history {first}\n"
                f"  journeykit -w {workspace.path} journey diff {first}\n"
                f"  journeykit -w {workspace.path} journey export {first} -o {first}.yaml",
                style="dim",
            )
        )
    return Group(*parts)
