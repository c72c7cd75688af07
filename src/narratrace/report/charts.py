"""Charts as inline SVG built on the server: no script, no external asset, nothing for the
Content-Security-Policy to allow. Every label is escaped; links only ever point inside the site."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from markupsafe import Markup, escape


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
                  f'role="img" aria-label="{escape(label)}">' + "".join(body) + "</svg>")


def _a(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def hbars(items: Sequence[tuple[str, int, str | None]], label: str, width: int = 520) -> Markup:
    """Horizontal bars: (label, value, link) per row, longest bar = the largest value."""
    if not items:
        return Markup("")
    top = max(v for _, v, _ in items) or 1
    row, lab = 22, 170
    body = []
    for i, (name, value, href) in enumerate(items):
        y = i * row
        w = max(1.0, (width - lab - 60) * value / top)
        text = escape(name if len(name) <= 26 else name[:25] + "…")
        body.append(_a(href, f'<text class="lab" x="{lab - 6}" y="{y + 15}" text-anchor="end">{text}'
                             f'<title>{escape(name)}</title></text>'))
        body.append(f'<rect class="bar" x="{lab}" y="{y + 4}" width="{w:.1f}" height="{row - 8}">'
                    f'<title>{escape(name)}: {value:,}</title></rect>')
        body.append(f'<text class="val" x="{lab + w + 5:.1f}" y="{y + 15}">{value:,}</text>')
    return _svg(width, row * len(items) + 4, body, label)


def vbars(items: Sequence[tuple[str, int]], label: str, width: int = 640, height: int = 170) -> Markup:
    """Vertical bars over ordered categories (months); about eight axis labels whatever the count."""
    if not items:
        return Markup("")
    top = max(v for _, v in items) or 1
    left, bottom, n = 36, 22, len(items)
    plot_w, plot_h = width - left - 6, height - bottom - 8
    step = plot_w / n
    body = [f'<text class="val" x="{left - 4}" y="14" text-anchor="end">{top:,}</text>',
            f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}"/>']
    every = max(1, round(n / 8))
    for i, (name, value) in enumerate(items):
        h = max(1.0, plot_h * value / top) if value else 0
        x = left + i * step
        body.append(f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{height - bottom - h:.1f}" '
                    f'width="{max(1.0, step * 0.8):.1f}" height="{h:.1f}"><title>{escape(name)}: {value:,}</title></rect>')
        if i % every == 0:
            body.append(f'<text class="lab" x="{x + step / 2:.1f}" y="{height - 6}" text-anchor="middle">'
                        f'{escape(name)}</text>')
    return _svg(width, height, body, label)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value[:7] + "-01")
    except ValueError:
        return None


def _x_scale(days: Sequence[date], left: int, right: int) -> tuple[Callable[[date], float], list[tuple[float, str]]]:
    """A linear date axis and its ticks: years over long spans, months over shorter ones, else the ends."""
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)

    def x(d: date) -> float:
        return left + (right - left) * (d - lo).days / span

    if span >= 730:
        marks = [date(y, 1, 1) for y in range(lo.year + 1, hi.year + 1)]
        step = max(1, len(marks) // 10)
        ticks = [(x(d), str(d.year)) for d in marks[::step]]
    elif span >= 60:
        marks = [date(y, m, 1) for y in range(lo.year, hi.year + 1) for m in range(1, 13)
                 if lo < date(y, m, 1) <= hi]
        step = max(1, len(marks) // 10)
        ticks = [(x(d), d.strftime("%Y-%m")) for d in marks[::step]]
    else:
        ticks = [(x(lo), lo.isoformat())] + ([(x(hi), hi.isoformat())] if hi != lo else [])
    return x, ticks


def lanes_chart(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]], href: Callable[[str], str | None],
                label: str, filled: Callable[[dict[str, Any]], bool] = lambda n: True, width: int = 980) -> Markup:
    """Articles as dots on a date axis, one lane per outlet; edges drawn as arrows earlier -> later.

    Used for the allegation timeline (hollow dots: republications) and the reuse propagation graph.
    Undated articles are listed under the chart by the page, not drawn.
    """
    dated = [n for n in nodes if _day(n.get("date"))]
    if not dated:
        return Markup("")
    outlets = list(dict.fromkeys(n.get("outlet") or "(unknown)" for n in
                                 sorted(dated, key=lambda n: (n["date"], n.get("outlet") or ""))))
    lane, left, right = 30, 230, width - 30
    height = lane * len(outlets) + 40
    x, ticks = _x_scale([_day(n["date"]) for n in dated], left, right)  # type: ignore[misc]
    pos: dict[str, tuple[float, float]] = {}
    body = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>']
    for i, o in enumerate(outlets):
        y = 20 + i * lane
        body.append(f'<line class="lane" x1="{left}" y1="{y}" x2="{right}" y2="{y}"/>')
        body.append(f'<text class="lab" x="{left - 8}" y="{y + 4}" text-anchor="end">'
                    f'{escape(o if len(o) <= 34 else o[:33] + "…")}<title>{escape(o)}</title></text>')
    seen: dict[tuple[str, str], int] = {}
    for n in dated:
        key = (n.get("outlet") or "(unknown)", n["date"])
        k = seen[key] = seen.get(key, -1) + 1
        pos[n["id"] if "id" in n else n["article"]] = (x(_day(n["date"])) + 7 * k,  # type: ignore[arg-type]
                                                       20 + outlets.index(key[0]) * lane)
    for e in edges:
        if e["earlier"] in pos and e["later"] in pos:
            (x1, y1), (x2, y2) = pos[e["earlier"]], pos[e["later"]]
            length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-6)
            x2, y2 = x2 - 8 * (x2 - x1) / length, y2 - 8 * (y2 - y1) / length  # stop at the dot's edge
            body.append(f'<line class="edge edge-{escape(e.get("kind", "copy"))}" x1="{x1:.1f}" y1="{y1}" '
                        f'x2="{x2:.1f}" y2="{y2:.1f}" marker-end="url(#arrow)"><title>{escape(e.get("kind", ""))} '
                        f'{e.get("share_of_later", "")}</title></line>')
    for n in dated:
        aid = n["id"] if "id" in n else n["article"]
        cx, cy = pos[aid]
        tip = f'{n.get("date")} · {n.get("outlet") or "(unknown)"} · {n.get("title") or aid}'
        cls = "dot" if filled(n) else "dot hollow"
        body.append(_a(href(aid), f'<circle class="{cls}" cx="{cx:.1f}" cy="{cy}" r="6"><title>{escape(tip)}'
                                  f'</title></circle>'))
    for tx, text in ticks:
        body.append(f'<line class="tick" x1="{tx:.1f}" y1="8" x2="{tx:.1f}" y2="{height - 22}"/>'
                    f'<text class="lab" x="{tx:.1f}" y="{height - 8}" text-anchor="middle">{escape(text)}</text>')
    return _svg(width, height, body, label)


def place_map(places: Sequence[dict[str, Any]], label: str, width: int = 520, height: int = 340) -> Markup:
    """Places with coordinates on a plain equirectangular frame fitted to them (no tiles, offline)."""
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not pts:
        return Markup("")
    lats, lons = [p["lat"] for p in pts], [p["lon"] for p in pts]
    pad = 0.3
    lo_lat, hi_lat = min(lats) - pad, max(lats) + pad
    lo_lon, hi_lon = min(lons) - pad, max(lons) + pad
    scale = min((width - 140) / (hi_lon - lo_lon), (height - 40) / (hi_lat - lo_lat))
    body = [f'<rect class="mapbg" x="0" y="0" width="{width}" height="{height}"/>']
    for deg in range(int(lo_lat), int(hi_lat) + 2):  # one-degree graticule
        y = 20 + (hi_lat - deg) * scale
        if 0 < y < height:
            body.append(f'<line class="grid" x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>'
                        f'<text class="val" x="3" y="{y - 2:.1f}">{deg}°</text>')
    for deg in range(int(lo_lon), int(hi_lon) + 2):
        x = 20 + (deg - lo_lon) * scale
        if 0 < x < width:
            body.append(f'<line class="grid" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>'
                        f'<text class="val" x="{x + 2:.1f}" y="{height - 18}">{deg}°</text>')
    for p in pts:
        cx = 20 + (p["lon"] - lo_lon) * scale
        cy = 20 + (hi_lat - p["lat"]) * scale
        r = 5 + min(6, p.get("count", 0))
        body.append(f'<circle class="place" cx="{cx:.1f}" cy="{cy:.1f}" r="{r}"><title>{escape(p["name"])} '
                    f'({p["lat"]:.3f}, {p["lon"]:.3f})</title></circle>')
        body.append(f'<text class="lab" x="{cx + r + 3:.1f}" y="{cy + 4:.1f}">{escape(p["name"])}</text>')
    body.append(f'<text class="val" x="{width - 6}" y="{height - 6}" text-anchor="end">'
                f'latitude {lo_lat:.1f}…{hi_lat:.1f}, longitude {lo_lon:.1f}…{hi_lon:.1f}</text>')
    return _svg(width, height, body, label)
