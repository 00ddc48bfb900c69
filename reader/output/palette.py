"""The colours that carry meaning, in one table for the report and the window.

Each stance label has an ink (text on paper or a light panel: dark enough to
read) and a highlight hue (tinting the article; the window adds transparency so
that the text keeps its own colour on light and dark backgrounds alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..models import PORTRAYAL_LABELS, STANCE_LABELS, StanceLabel


@dataclass(frozen=True)
class LabelColours:
    ink: str  # "#rrggbb"
    highlight: str  # "#rrggbb", drawn translucent


STANCE_COLOURS: MappingProxyType[StanceLabel, LabelColours] = MappingProxyType(
    {
        "supportive": LabelColours(ink="#1b7a3d", highlight="#28aa50"),
        "critical": LabelColours(ink="#b3261e", highlight="#dc3232"),
        "neutral": LabelColours(ink="#5f6368", highlight="#828282"),
    }
)
assert tuple(STANCE_COLOURS) == STANCE_LABELS

#: An entity's portrayal in the stance colours: positive as supportive, negative as critical.
PORTRAYAL_COLOURS: MappingProxyType[str, LabelColours] = MappingProxyType(
    dict(
        zip(
            PORTRAYAL_LABELS,
            (STANCE_COLOURS[k] for k in ("supportive", "neutral", "critical")),
            strict=True,
        )
    )
)
