"""Server-rendered SVG bar charts, readable in print and without colour (patterns + labels)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

# Pattern per status: meaning never rests on colour alone.
_STATUS_PATTERNS = {
    "verified": "solid",
    "disputed": "cross",
    "unsourced": "dots",
    "unreviewed": "empty",
}
_COLOURS = {
    "verified": "#1a7f37",
    "disputed": "#b42318",
    "unsourced": "#9a6700",
    "unreviewed": "#57606a",
}


def _defs(prefix: str) -> str:
    return (
        "<defs>"
        f'<pattern id="{prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<path d="M0,6 L6,0" stroke="#000000" stroke-width="1.2"/></pattern>'
        f'<pattern id="{prefix}-cross" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#000000" stroke-width="1"/></pattern>'
        f'<pattern id="{prefix}-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        '<rect width="5" height="5" fill="#ffffff"/>'
        '<circle cx="2.5" cy="2.5" r="1.2" fill="#000000"/></pattern>'
        "</defs>"
    )


def _fill(prefix: str, pattern: str, colour: str) -> tuple[str, str]:
    if pattern == "solid":
        return colour, "#000000"
    if pattern == "empty":
        return "#ffffff", "#000000"
    return f"url(#{prefix}-{pattern})", "#000000"


def bar_chart(
    chart_id: str,
    title: str,
    bars: list[tuple[str, str, int]],
    *,
    width: int = 560,
    bar_height: int = 22,
) -> str:
    """An SVG of horizontal bars; `bars` holds (key, label, count).

    Status keys get their own pattern; any other key a hatch. Every bar carries its label and
    its count as text, so the chart reads in black and white and by screen readers.
    """
    label_w, count_w, gap = 170, 60, 8
    plot_w = width - label_w - count_w
    top = 28
    height = top + len(bars) * (bar_height + gap) + 4
    peak = max((n for _k, _l, n in bars), default=0) or 1
    title_id = f"{chart_id}-title"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id={quoteattr(chart_id)} '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{title_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        _defs(chart_id),
        '<text x="0" y="16" font-size="14" font-weight="bold" fill="#000000">'
        f"{escape(title)}</text>",
    ]
    for i, (key, label, count) in enumerate(bars):
        y = top + i * (bar_height + gap)
        w = 0 if count == 0 else max(2, round(plot_w * count / peak))
        pattern = _STATUS_PATTERNS.get(key, "hatch")
        fill, stroke = _fill(chart_id, pattern, _COLOURS.get(key, "#444444"))
        parts.append(
            f'<text x="{label_w - 6}" y="{y + bar_height * 0.7:.1f}" font-size="12" '
            f'text-anchor="end" fill="#000000">{escape(label)}</text>'
        )
        if w:
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_height}" '
                f'fill="{fill}" stroke="{stroke}" stroke-width="1"/>'
            )
        parts.append(
            f'<text x="{label_w + w + 6}" y="{y + bar_height * 0.7:.1f}" font-size="12" '
            f'fill="#000000">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
