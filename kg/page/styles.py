"""styles: how the page looks. One table for node kinds and one for edge kinds, used by the
vis-network options, the page's edge styles and the legend (claims lacking a citation are hollow).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kg.page.model import KINDS

__all__ = ["EDGE_STYLES", "EDGE_TEXT", "KIND_TEXT", "NODE_STYLES", "legend", "vis_options"]

NODE_STYLES: dict[str, dict[str, Any]] = {
    "article": {"shape": "box", "color": {"background": "#fbd38d", "border": "#c05621",
                "highlight": {"background": "#fde3b5", "border": "#7b341e"}},
                "font": {"color": "#3d2a12", "size": 13}, "margin": 6},
    "claim": {"shape": "dot", "size": 8, "borderWidth": 1.5,
              "color": {"background": "#56b4e9", "border": "#0072b2",
                        "highlight": {"background": "#a6d8f5", "border": "#003f63"}}},
    "claimLacking": {"shape": "dot", "size": 8, "borderWidth": 2.5,
                     "color": {"background": "#ffffff", "border": "#0072b2",
                               "highlight": {"background": "#fff4e0", "border": "#003f63"}}},
    "actor": {"shape": "diamond", "size": 14,
              "color": {"background": "#009e73", "border": "#00664a",
                        "highlight": {"background": "#5fd3b0", "border": "#003d2c"}},
              "font": {"size": 15, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "event": {"shape": "triangle", "size": 13,
              "color": {"background": "#cc79a7", "border": "#8e3b6e",
                        "highlight": {"background": "#e6b3cf", "border": "#5c2047"}},
              "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "source": {"shape": "square", "size": 9,
               "color": {"background": "#f0e442", "border": "#8c8100",
                         "highlight": {"background": "#f7f09a", "border": "#5a5300"}},
               "font": {"size": 12, "strokeWidth": 3, "strokeColor": "#ffffff"}},
}
KIND_TEXT: dict[str, tuple[str, str]] = {  # kind -> (label, plural)
    "article": ("Article", "Articles"),
    "claim": ("Claim", "Claims"),
    "actor": ("Actor", "Actors"),
    "event": ("Event", "Events"),
    "source": ("Cited source", "Cited sources"),
}
GREY = "#a9b4bf"
_RED = {"color": "#d62728", "highlight": "#8b0000"}
_RED_LABEL = {"color": "#b01e1e", "size": 13, "strokeWidth": 3, "strokeColor": "#ffffff", "align": "top"}
_CURVED = {"enabled": True, "type": "curvedCW", "roundness": 0.15}
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "claims": {"color": {"color": "#7fa7c9", "highlight": "#0072b2"}, "width": 1, "arrows": "to"},
    "in": {"color": {"color": "#e2b780", "highlight": "#c05621"}, "width": 1, "arrows": "to"},
    "cites": {"color": {"color": "#b5ab2a", "highlight": "#5a5300"}, "width": 1.5, "arrows": "to"},
    "about": {"color": {"color": GREY, "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "rejects": {"color": {"color": "#e08a8a", "highlight": "#d62728"}, "width": 1.5, "arrows": "to"},
    "participant": {"color": {"color": "#d6a8c4", "highlight": "#8e3b6e"}, "width": 1, "arrows": "to"},
    "publisher": {"color": {"color": "#c9cfd6", "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "author": {"color": {"color": "#c9cfd6", "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "contradicts": {"color": _RED, "width": 3, "arrows": "", "font": _RED_LABEL, "smooth": _CURVED},
    "summary-about": {"color": {"color": GREY, "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "summary-participant": {"color": {"color": "#d6a8c4", "highlight": "#8e3b6e"}, "width": 1},
    "summary-contradicts": {"color": _RED, "width": 3, "font": _RED_LABEL, "smooth": _CURVED},
}
EDGE_TEXT: dict[str, str] = {
    "claims": "claimant → claim",
    "in": "claim → article it appears in",
    "cites": "claim → source it cites",
    "about": "claim → actor or event it is about",
    "rejects": "claim → actor whose claims it rejects",
    "participant": "event → actor taking part",
    "publisher": "article or source → publisher",
    "author": "article → author",
    "contradicts": "contradiction (labelled with its kind)",
}


def _legend_svg(kind: str) -> Markup:
    style = NODE_STYLES[kind]
    colour = style["color"]
    fill, stroke = colour["background"], colour["border"]
    attrs = f'fill="{fill}" stroke="{stroke}" stroke-width="{2.5 if fill == "#ffffff" else 1.5}"'
    shapes = {
        "box": f'<rect x="1.5" y="4" width="15" height="10" rx="2" {attrs}/>',
        "dot": f'<circle cx="9" cy="9" r="6" {attrs}/>',
        "diamond": f'<polygon points="9,1.5 16.5,9 9,16.5 1.5,9" {attrs}/>',
        "triangle": f'<polygon points="9,2 16.5,15.5 1.5,15.5" {attrs}/>',
        "square": f'<rect x="3" y="3" width="12" height="12" {attrs}/>',
    }
    return Markup(shapes[style["shape"]])


def legend() -> dict[str, Any]:
    """The legend: a shape per node kind, a line per edge kind, and the kinds the type filter lists."""
    nodes = []
    for kind in KINDS:
        label, plural = KIND_TEXT[kind]
        if kind == "claim":
            nodes.append({"kind": kind, "plural": plural, "label": "Claim citing a source",
                          "svg": _legend_svg("claim")})
            nodes.append({"kind": "", "plural": "", "label": "Claim lacking a citation (hollow)",
                          "svg": _legend_svg("claimLacking")})
        else:
            nodes.append({"kind": kind, "plural": plural, "label": label, "svg": _legend_svg(kind)})
    edges = [
        {"label": EDGE_TEXT[k], "color": EDGE_STYLES[k]["color"]["color"], "width": EDGE_STYLES[k]["width"],
         "dashes": "dashes" in EDGE_STYLES[k]}
        for k in EDGE_TEXT
    ]
    types = [{"kind": k, "plural": KIND_TEXT[k][1]} for k in KINDS]
    return {"nodes": nodes, "edges": edges, "types": types}


def vis_options(large: bool) -> dict[str, Any]:
    """vis-network's options: physics off, the node looks as groups; big pages hide edges while moving."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {"font": {"face": "system-ui, DejaVu Sans, sans-serif"}},
        "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 1.5,
                  "font": {"face": "system-ui, DejaVu Sans, sans-serif", "size": 12}},
        "groups": {k: v for k, v in NODE_STYLES.items()},
        "interaction": {"hover": True, "hoverConnectedEdges": False, "tooltipDelay": 300,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large, "multiselect": False,
                        "navigationButtons": False, "keyboard": False},
    }
