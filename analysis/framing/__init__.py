"""How sources frame a story: one import for the framing stages.

The work is split by question, each module small and separately tested:
``analysis.framing.roles`` (who claimed, blamed, denied, supported whom),
``analysis.framing.hedges`` (hedging and attribution language),
``analysis.framing.frames`` (sentence-level frames from a codebook),
``analysis.framing.distinctive`` (Fightin' Words log-odds between sources) and
``analysis.framing.cited`` (who is quoted). This module only re-exports them.
"""

from analysis.framing.cited import cited_sources
from analysis.framing.distinctive import distinctive_terms
from analysis.framing.frames import frame_cues, frame_labels, frame_profile, tag_frames
from analysis.framing.hedges import find_hedges, hedge_density
from analysis.framing.roles import cast_roles, extract_roles, role_matrix, role_names

__all__ = [
    "cast_roles",
    "cited_sources",
    "distinctive_terms",
    "extract_roles",
    "find_hedges",
    "frame_cues",
    "frame_labels",
    "frame_profile",
    "hedge_density",
    "role_matrix",
    "role_names",
    "tag_frames",
]
