"""IGF-1 receptor signalling to muscle protein balance: a small steady-state model.

Pathway (what each node means here; every node value is dimensionless)::

    IGF-1 (nM) -> IGF-1R occupancy -+-> IRS-1/PI3K -> Akt -+-> mTORC1 (gated by amino acids) -+-> S6K1 ---+-> synthesis UP
                                    |        ^             |                                   +-> 4E-BP1 -+   (eIF4E freed)
                                    |        +--- S6K1 ----|-------------------------------- (negative feedback on IRS-1)
                                    |                      +-> FoxO inactivated -> atrogin-1/MuRF1 + autophagy genes
                                    |                                                           -> breakdown DOWN
                                    |                      mTORC1 -| ULK1 -> autophagy -> breakdown
                                    +-> Shc -> Grb2/SOS -> Ras/Raf/MEK/ERK -> myoblast proliferation signal UP

Calibration (cell-culture evidence only):

* Half-maximal receptor occupancy at ``K_HALF_NM = 2`` nM IGF-1. Source: a study of differentiated
  L6 rat myocytes that found glucose uptake and transporter mRNA half-maximally stimulated by 2 nM
  IGF-1 (calibration target A80; the authors/journal were not captured, so this is a weak,
  indirect anchor: a metabolic read-out, not protein balance).
* At 32 nM IGF-1 total protein synthesis rises by 42-62 % and degradation falls by 28-38 % in
  primary avian myofibres in collagen gel [@vandenburgh1991] (target A79). The gains below are
  solved so that the model gives +52 % and -33 % (the middles of those ranges), feedback included.

Model equations (``c`` = IGF-1 in nM, ``a`` = amino-acid availability, 1 = normal):

* ``receptor_occupancy = c / (c + K_HALF_NM)`` (one-site binding; insulin-receptor cross-talk not
  modelled). ``pi3k = receptor_occupancy`` (0 with the PI3K inhibitor).
* ``aa_gate = a (1 + K_AA) / (a + K_AA)`` (0 at no amino acids, 1 at normal, saturating above).
* S6K1 -| IRS-1 feedback [@harrington2004]: ``akt = pi3k / (1 + FEEDBACK * s6k1)`` with
  ``s6k1 = mtorc1`` (0 with rapamycin or without amino acids), and
  ``mtorc1 = aa_gate * (1 + SYNTH_GAIN * akt)``. The loop is solved exactly (a quadratic in akt), so
  blocking mTORC1 (rapamycin) or removing amino acids relieves the feedback and RAISES Akt.
* mTORC1 outputs: ``s6k1`` and ``p4ebp1`` (4E-BP1 phosphorylation, which frees eIF4E). Rapamycin
  blocks S6K1 completely but 4E-BP1 phosphorylation only partly: ``p4ebp1 = RAPA_4EBP1_RESIDUAL *
  mtorc1_drive`` with rapamycin [@choo2008]. ``synthesis_rel = MTOR_INDEPENDENT + (1 -
  MTOR_INDEPENDENT) * (s6k1 + p4ebp1) / 2``.
* ``foxo_active = 1 - DEGR_GAIN * akt`` (Akt phosphorylates FoxO and keeps it out of the nucleus).
* ``ulk1 = (1 + ULK1_GAIN) / (1 + ULK1_GAIN * mtorc1)``: mTORC1 phosphorylates and inhibits ULK1
  [@kim2011]; 1 at the basal fed state, ``1 + ULK1_GAIN`` with mTORC1 blocked.
* ``autophagy_rel = foxo_active * ulk1``: FoxO3 drives autophagy genes (LC3, Bnip3) in muscle
  [@mammucari2007] and ULK1 starts autophagosome formation.
* ``degradation_rel = UPS_SHARE * foxo_active + (1 - UPS_SHARE) * autophagy_rel`` (proteasome and
  autophagy-lysosome systems).
* ``erk = receptor_occupancy`` (0 with the MEK inhibitor); ``proliferation_rel = 1 + PROLIF_GAIN * erk``
  (ERK mainly drives myoblast proliferation; differentiation needs PI3K [@coolican1997]).
* ``net_balance = synthesis_rel - degradation_rel`` (0 = balanced at baseline).

Blocker choices (the PI3K and MEK blocks are complete in the model; real inhibitors are partial):

* ``pi3k_inhibitor``: no Akt, so both arms lose their IGF-1 effect and stay at baseline.
* ``rapamycin``: blocks mTORC1 -> S6K1 fully and -> 4E-BP1 partly; synthesis falls, the autophagy
  brake (mTORC1 -| ULK1) is released so breakdown RISES, and Akt rises (feedback relieved).
* ``mek_inhibitor``: blocks MEK, so only the proliferation signal loses its IGF-1 effect.
* ``amino_acids`` gate mTORC1: with none, IGF-1 cannot raise synthesis, ULK1 is de-repressed
  (breakdown rises) and the feedback is relieved (Akt rises).

Qualitative parts (not calibrated): ``K_AA``, ``MTOR_INDEPENDENT``, ``PROLIF_GAIN``, ``FEEDBACK``,
``ULK1_GAIN``, ``UPS_SHARE`` and ``RAPA_4EBP1_RESIDUAL``. They set directions and rough sizes only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float_array

#: IGF-1 concentration giving half-maximal receptor occupancy (nM); target A80.
K_HALF_NM = 2.0
#: Concentration at which the Vandenburgh 1991 protein-balance effects were measured (nM).
CALIBRATION_NM = 32.0
#: Share of basal synthesis that does not depend on mTORC1 (qualitative choice).
MTOR_INDEPENDENT = 0.7
#: Amino-acid half-saturation constant of the mTORC1 gate (relative units; qualitative).
K_AA = 0.25
#: Maximal proliferation signal increase at full receptor occupancy (qualitative).
PROLIF_GAIN = 1.0
#: Strength of the S6K1 -| IRS-1 negative feedback (per unit S6K1 activity; qualitative).
FEEDBACK = 0.15
#: How strongly mTORC1 restrains ULK1; ULK1 rises to 1 + ULK1_GAIN with mTORC1 off (qualitative).
ULK1_GAIN = 0.5
#: Share of basal breakdown through the ubiquitin-proteasome system; the rest is autophagy
#: (qualitative).
UPS_SHARE = 0.5
#: 4E-BP1 phosphorylation left under rapamycin, as a share of the unblocked drive (qualitative;
#: rapamycin blocks S6K1 fully but 4E-BP1 only partly and transiently [@choo2008]).
RAPA_4EBP1_RESIDUAL = 0.5

_OCC_32 = CALIBRATION_NM / (CALIBRATION_NM + K_HALF_NM)


def _akt_with_feedback(pi3k, gate, synth_gain, on):
    """Akt solving akt * (1 + FEEDBACK * s6k1) = pi3k with s6k1 = gate * (1 + synth_gain * akt)
    (``on`` = mTORC1 -> S6K1 active). Exact positive root of the quadratic; arrays broadcast."""
    f = FEEDBACK * gate * on
    qa = f * synth_gain
    qb = 1.0 + f
    disc = np.sqrt(qb * qb + 4.0 * qa * pi3k)
    return 2.0 * pi3k / (qb + disc)  # cancellation-free form of (-qb + disc) / (2 qa)


def _solve_gains():
    """SYNTH_GAIN and DEGR_GAIN such that, with the feedback, 32 nM gives +52 % / -33 % (A79)."""
    g = 0.52 / ((1.0 - MTOR_INDEPENDENT) * _OCC_32)  # start: no-feedback value
    for _ in range(200):  # fixed point: synthesis(32 nM) = 1.52 exactly
        akt = float(_akt_with_feedback(_OCC_32, 1.0, g, 1.0))
        g_new = 0.52 / ((1.0 - MTOR_INDEPENDENT) * akt)
        if abs(g_new - g) < 1e-15 * g:
            break
        g = g_new
    akt = float(_akt_with_feedback(_OCC_32, 1.0, g, 1.0))
    m = 1.0 + g * akt
    ulk1 = (1.0 + ULK1_GAIN) / (1.0 + ULK1_GAIN * m)
    # degradation = foxo * (UPS_SHARE + (1 - UPS_SHARE) * ulk1) = 0.67
    foxo = 0.67 / (UPS_SHARE + (1.0 - UPS_SHARE) * ulk1)
    return g, (1.0 - foxo) / akt


#: Gains solved so that 32 nM gives synthesis +52 % and degradation -33 % (target A79).
SYNTH_GAIN, DEGR_GAIN = _solve_gains()

OUTPUT_KEYS = (
    "receptor_occupancy",
    "pi3k",
    "akt",
    "mtorc1",
    "s6k1",
    "p4ebp1",
    "foxo_active",
    "ulk1",
    "autophagy_rel",
    "erk",
    "synthesis_rel",
    "degradation_rel",
    "net_balance",
    "proliferation_rel",
)


def _check_bool(name: str, value) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def amino_acid_gate(amino_acids: ArrayLike) -> np.ndarray:
    """mTORC1 gate by amino-acid availability: 0 at none, 1 at normal (1.0), saturating above."""
    a = as_float_array("amino_acids", amino_acids, low=0.0, high=2.0, unit="(relative, 1 = normal)")
    return a * (1.0 + K_AA) / (a + K_AA)


def muscle_response(
    igf1_nM: ArrayLike,
    amino_acids: ArrayLike = 1.0,
    pi3k_inhibitor: bool = False,
    rapamycin: bool = False,
    mek_inhibitor: bool = False,
) -> dict:
    """Steady-state muscle-cell response to IGF-1 (cell-culture calibrated; see module docstring).

    Parameters
    ----------
    igf1_nM : float or array
        IGF-1 concentration around the cells (nM, >= 0).
    amino_acids : float or array
        Amino-acid availability relative to normal culture medium (0-2; 1 = normal).
    pi3k_inhibitor, rapamycin, mek_inhibitor : bool
        Block of PI3K (complete: no Akt), of mTORC1 (rapamycin: S6K1 fully, 4E-BP1 partly) or of
        MEK (complete: no ERK).

    Returns
    -------
    dict with float (scalar input) or array (array input, broadcast shape) values:
    ``receptor_occupancy``, ``pi3k``, ``akt`` and ``erk`` (0-1); ``mtorc1``, ``s6k1``, ``p4ebp1``,
    ``foxo_active``, ``ulk1`` and ``autophagy_rel`` (relative to the basal fed state, no IGF-1);
    ``synthesis_rel`` and ``degradation_rel`` (1.0 = no IGF-1, normal amino acids, no blocker),
    ``net_balance`` (synthesis_rel - degradation_rel) and ``proliferation_rel`` (1.0 = no IGF-1).

    Raises ValueError for negative or non-finite IGF-1, amino_acids outside [0, 2], or a blocker
    that is not a bool.
    """
    c = as_float_array("igf1_nM", igf1_nM, low=0.0, unit="nM")
    gate = amino_acid_gate(amino_acids)
    pi3k_block = _check_bool("pi3k_inhibitor", pi3k_inhibitor)
    rapa = _check_bool("rapamycin", rapamycin)
    mek_block = _check_bool("mek_inhibitor", mek_inhibitor)
    c, gate = np.broadcast_arrays(c, gate)

    occupancy = c / (c + K_HALF_NM)
    pi3k = np.zeros_like(occupancy) if pi3k_block else occupancy
    akt = _akt_with_feedback(pi3k, gate, SYNTH_GAIN, 0.0 if rapa else 1.0)
    drive = gate * (1.0 + SYNTH_GAIN * akt)  # what mTORC1 would do without rapamycin
    s6k1 = np.zeros_like(drive) if rapa else drive
    p4ebp1 = RAPA_4EBP1_RESIDUAL * drive if rapa else drive
    mtorc1 = 0.5 * (s6k1 + p4ebp1)  # overall mTORC1 output (both arms)
    synthesis = MTOR_INDEPENDENT + (1.0 - MTOR_INDEPENDENT) * mtorc1
    foxo = 1.0 - DEGR_GAIN * akt
    ulk1 = (1.0 + ULK1_GAIN) / (1.0 + ULK1_GAIN * (np.zeros_like(drive) if rapa else drive))
    autophagy = foxo * ulk1
    degradation = UPS_SHARE * foxo + (1.0 - UPS_SHARE) * autophagy
    erk = np.zeros_like(occupancy) if mek_block else occupancy
    proliferation = 1.0 + PROLIF_GAIN * erk

    out = {
        "receptor_occupancy": occupancy,
        "pi3k": pi3k,
        "akt": akt,
        "mtorc1": mtorc1,
        "s6k1": s6k1,
        "p4ebp1": p4ebp1,
        "foxo_active": foxo,
        "ulk1": ulk1,
        "autophagy_rel": autophagy,
        "erk": erk,
        "synthesis_rel": synthesis,
        "degradation_rel": degradation,
        "net_balance": synthesis - degradation,
        "proliferation_rel": proliferation,
    }
    scalar = np.ndim(igf1_nM) == 0 and np.ndim(amino_acids) == 0
    if scalar:
        return {k: float(v) for k, v in out.items()}
    return {k: np.array(v, dtype=float) for k, v in out.items()}


def half_max_nM(key: str = "synthesis_rel", **kwargs: Any) -> float:
    """IGF-1 concentration (nM) giving half of the maximal change in output ``key`` (numerical)."""
    if key not in OUTPUT_KEYS:
        raise ValueError(f"key = {key!r} is not an output; choose one of {list(OUTPUT_KEYS)}")
    c = np.logspace(-3, 5, 4001)
    y = muscle_response(c, **kwargs)[key]
    y0 = muscle_response(0.0, **kwargs)[key]
    ymax = muscle_response(1e9, **kwargs)[key]
    if abs(ymax - y0) < 1e-12:
        raise ValueError(f"{key} does not respond to IGF-1 under these conditions")
    frac = (y - y0) / (ymax - y0)
    return float(np.interp(0.5, frac, c))


def _level_word(x: float) -> str:
    """Graded activity word for a 0-1 node: ON (>= 0.5), PARTLY ON (>= 0.1) or OFF."""
    if x >= 0.5:
        return "ON"
    if x >= 0.1:
        return "PARTLY ON"
    return "OFF"


def _change_word(rel: float) -> str:
    """Graded change word versus baseline 1: BASAL within 2 %, SLIGHTLY UP/DOWN within 15 %,
    else UP/DOWN."""
    pct = (rel - 1.0) * 100.0
    if abs(pct) < 2.0:
        return "BASAL"
    word = "UP" if pct > 0 else "DOWN"
    return f"SLIGHTLY {word}" if abs(pct) < 15.0 else word


def _foxo_word(foxo: float) -> str:
    """FoxO activity versus basal (1): ACTIVE (basal or above), PARTLY INHIBITED, INHIBITED."""
    drop = 1.0 - foxo
    if drop < 0.02:
        return "ACTIVE"
    return "PARTLY INHIBITED" if drop < 0.15 else "INHIBITED"


def _relative_word(rel: float) -> str:
    """Activity of a node that is 1 at the basal fed state (mTORC1, ULK1)."""
    if rel < 0.02:
        return "OFF"
    return _change_word(rel)


def pathway_states(
    igf1_nM: float,
    amino_acids: float = 1.0,
    pi3k_inhibitor: bool = False,
    rapamycin: bool = False,
    mek_inhibitor: bool = False,
) -> dict:
    """The state of each pathway node in words, for a single condition (scalar inputs).

    Keys: igf1r, pi3k, akt, mtorc1, foxo, ulk1, erk, synthesis, degradation, proliferation. Every
    word is read from the model's numbers (graded where the model is graded): ON / PARTLY ON / OFF
    for 0-1 nodes; UP / SLIGHTLY UP / BASAL / SLIGHTLY DOWN / DOWN (or OFF) for nodes relative to
    the basal fed state; ACTIVE / PARTLY INHIBITED / INHIBITED for FoxO; BLOCKED for a blocked step.
    Words only (no numbers), so they change only when a step changes state.
    """
    if np.ndim(igf1_nM) or np.ndim(amino_acids):
        raise ValueError(
            "pathway_states needs a single igf1_nM and amino_acids value; arrays are not allowed, got shapes "
            f"{np.shape(igf1_nM)} and {np.shape(amino_acids)}"
        )
    r = muscle_response(igf1_nM, amino_acids, pi3k_inhibitor, rapamycin, mek_inhibitor)
    free = muscle_response(igf1_nM, amino_acids, pi3k_inhibitor, False, mek_inhibitor)
    states = {"igf1r": _level_word(r["receptor_occupancy"])}
    states["pi3k"] = "BLOCKED" if pi3k_inhibitor else _level_word(r["pi3k"])
    if pi3k_inhibitor:
        states["akt"] = "OFF (PI3K blocked)"
    else:
        states["akt"] = _level_word(r["akt"])
        if r["akt"] > free["akt"] * 1.02 or (r["s6k1"] == 0.0 and r["akt"] > 0.1):
            states["akt"] += " (no S6K1 feedback)"
    if rapamycin:
        states["mtorc1"] = "BLOCKED (4E-BP1 partly)"
    elif amino_acids == 0:
        states["mtorc1"] = "OFF (no amino acids)"
    else:
        states["mtorc1"] = _relative_word(r["mtorc1"])
    states["foxo"] = _foxo_word(r["foxo_active"])
    states["ulk1"] = _relative_word(r["autophagy_rel"])
    states["erk"] = "BLOCKED" if mek_inhibitor else _level_word(r["erk"])
    states["synthesis"] = _change_word(r["synthesis_rel"])
    states["degradation"] = _change_word(r["degradation_rel"])
    states["proliferation"] = _change_word(r["proliferation_rel"])
    return states
