"""A one-glance timeline of recurring allegations: one row per group, one mark per frame.

Filled marks are new instances, hollow marks republications of an earlier text; colour is the
event type. Drawn with matplotlib (Agg backend, no display needed); the HTML page embeds the
PNG and lists every group with its first/last seen dates, places, accusers and outlets.
"""
from __future__ import annotations

import base64
import html
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Sequence

from narratrace.corpus.recurrence import RecurringAllegation

COLOURS = {"chemical_attack": "#d62728", "attack_on_civilians": "#ff7f0e", "massacre": "#9467bd",
           "poisoning": "#2ca02c", "other": "#7f7f7f"}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def plot_png(groups: Sequence[RecurringAllegation], max_groups: int = 25) -> bytes:
    """The timeline as PNG bytes (the ``max_groups`` biggest groups with a date)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    shown = [g for g in groups if any(_day(o.date) for o in g.occurrences)][:max_groups]
    fig, ax = plt.subplots(figsize=(11, 1.2 + 0.42 * max(len(shown), 1)), dpi=110)
    for row, g in enumerate(reversed(shown)):
        colour = COLOURS.get(g.event_type, "#333333")
        new = [_day(o.date) for o in g.occurrences if _day(o.date) and o.republication_of is None]
        rep = [_day(o.date) for o in g.occurrences if _day(o.date) and o.republication_of is not None]
        ax.scatter(new, [row] * len(new), s=42, color=colour, alpha=0.8, zorder=3)
        ax.scatter(rep, [row] * len(rep), s=42, facecolors="none", edgecolors=colour, zorder=3)
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels([f"{g.accused[:38]} · {g.event_type} ({g.count})" for g in reversed(shown)], fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Recurring staging allegations (filled: new instance, hollow: republication)", fontsize=10)
    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=k) for k, c in COLOURS.items()]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    fig.tight_layout()
    buf = BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def render_html(groups: Sequence[RecurringAllegation], png: bytes) -> str:
    rows = []
    for g in groups:
        d = g.to_dict()
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(x))}</td>" for x in (
            d["accused"], d["event_type"], d["count"], d["instances"], d["first_seen"] or "", d["last_seen"] or "",
            ", ".join(d["places"]), ", ".join(d["accusers"]), ", ".join(d["outlets"]))) + "</tr>")
    img = base64.b64encode(png).decode("ascii")
    return ("<!doctype html><meta charset='utf-8'><title>narratrace: allegation timeline</title>"
            "<style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ddd;padding:4px 8px;"
            "font-size:13px;text-align:left}</style><h1>Recurring allegations</h1>"
            f"<img alt='timeline of recurring allegations' src='data:image/png;base64,{img}'>"
            "<table><tr><th>accused</th><th>event type</th><th>frames</th><th>instances</th><th>first seen</th>"
            "<th>last seen</th><th>places</th><th>accusers</th><th>outlets</th></tr>" + "".join(rows) + "</table>")


def write_timeline(groups: Sequence[RecurringAllegation], out: Path) -> list[Path]:
    """Write ``out`` (.html with the PNG beside it, or .png alone); return the files written."""
    png = plot_png(groups)
    out = Path(out)
    if out.suffix.lower() == ".png":
        out.write_bytes(png)
        return [out]
    png_path = out.with_suffix(".png")
    png_path.write_bytes(png)
    out.write_text(render_html(groups, png), encoding="utf-8")
    return [out, png_path]
