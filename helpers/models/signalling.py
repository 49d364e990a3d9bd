"""IGF-1 receptor signalling to muscle protein balance: a small steady-state model.

Pathway (what each node means here; every node value is dimensionless)::

    IGF-1 (nM) -> IGF-1R occupancy -> IRS/PI3K -> Akt -+-> mTORC1 (gated by amino acids) -> synthesis UP
                                                       +-> FoxO inactivated -> atrogin-1/MuRF1 -> degradation DOWN
                                   -> Ras/Raf/MEK/ERK -> proliferation / differentiation signal UP

Calibration (cell-culture evidence only):

* Half-maximal response at ``K_HALF_NM = 2`` nM IGF-1. Source: a study of differentiated L6 rat
  myocytes ("Chronic stimulation of glucose transporter gene expression in L6 myocytes mediated via
  the IGF-1 receptor") that found glucose uptake and transporter mRNA half-maximally stimulated by
  2 nM IGF-1 (calibration target A80; the authors/journal were not captured, so this is a weak,
  indirect anchor: a metabolic read-out, not protein balance). Every IGF-1-driven output here
  therefore has its EC50 at 2 nM, because all of them are proportional to receptor occupancy.
* At 32 nM IGF-1 total protein synthesis rises by 42–62 % and degradation falls by 28–38 % in
  primary avian myofibres in collagen gel [@vandenburgh1991] (target A79). The model gives
  +52 % and −33 % (the middles of those ranges).

Model equations (``c`` = IGF-1 in nM, ``a`` = amino-acid availability, 1 = normal):

* ``receptor_occupancy = c / (c + K_HALF_NM)`` (simple one-site binding; IGF-1 also binds the
  insulin receptor weakly — cross-reactivity is not modelled separately).
* ``pi3k = receptor_occupancy`` (0 with the PI3K inhibitor); ``akt = pi3k``.
* ``aa_gate = a (1 + K_AA) / (a + K_AA)`` (0 at no amino acids, 1 at normal, saturating above).
* ``mtorc1 = aa_gate * (1 + SYNTH_GAIN * akt)`` relative to the basal fed state (0 with rapamycin).
* ``synthesis_rel = MTOR_INDEPENDENT + (1 - MTOR_INDEPENDENT) * mtorc1``
* ``foxo_active = 1 - DEGR_GAIN * akt`` (Akt phosphorylates FoxO and keeps it out of the nucleus);
  ``degradation_rel = foxo_active``.
* ``erk = receptor_occupancy`` (0 with the MEK inhibitor); ``proliferation_rel = 1 + PROLIF_GAIN * erk``.
* ``net_balance = synthesis_rel - degradation_rel`` (0 = balanced at baseline).

Blocker choices (each is a complete block in the model; real inhibitors are partial):

* ``pi3k_inhibitor``: blocks PI3K, so Akt is not activated by IGF-1. BOTH arms lose their IGF-1
  effect: synthesis falls back to the amino-acid-only level and degradation stays at baseline
  (FoxO remains active). The MAPK arm does not go through PI3K, so proliferation is untouched.
* ``rapamycin``: inhibits mTORC1 only. The synthesis arm loses its mTORC1-dependent part (the
  IGF-1 increment and the amino-acid-driven basal share, ``1 - MTOR_INDEPENDENT``), but Akt is still
  active, so the FoxO/degradation arm still responds to IGF-1. Proliferation is untouched.
* ``mek_inhibitor``: blocks MEK, so ERK is not activated: only the proliferation signal loses its
  IGF-1 effect; synthesis and degradation are unchanged.
* ``amino_acids`` gate mTORC1 (they are needed for mTORC1 activation at the lysosome): with no
  amino acids IGF-1 cannot raise synthesis at all; degradation is not amino-acid dependent here
  (a simplification: in reality starvation also raises autophagy).

Qualitative parts (not calibrated): the amino-acid gate constant ``K_AA``, the mTORC1-independent
share of basal synthesis ``MTOR_INDEPENDENT``, and the proliferation gain ``PROLIF_GAIN``.
"""

from __future__ import annotations

import numpy as np

from .._validate import as_float_array

#: IGF-1 concentration giving half-maximal receptor occupancy and response (nM); target A80.
K_HALF_NM = 2.0
#: Concentration at which the Vandenburgh 1991 protein-balance effects were measured (nM).
CALIBRATION_NM = 32.0
#: Share of basal synthesis that does not depend on mTORC1 (qualitative choice).
MTOR_INDEPENDENT = 0.7
#: Amino-acid half-saturation constant of the mTORC1 gate (relative units; qualitative).
K_AA = 0.25
#: Maximal proliferation signal increase at full receptor occupancy (qualitative).
PROLIF_GAIN = 1.0

_OCC_32 = CALIBRATION_NM / (CALIBRATION_NM + K_HALF_NM)
#: Gain chosen so synthesis at 32 nM is +52 % (middle of 42–62 %, target A79).
SYNTH_GAIN = 0.52 / ((1.0 - MTOR_INDEPENDENT) * _OCC_32)
#: Gain chosen so degradation at 32 nM is −33 % (middle of 28–38 %, target A79).
DEGR_GAIN = 0.33 / _OCC_32

OUTPUT_KEYS = (
    "receptor_occupancy",
    "pi3k",
    "akt",
    "mtorc1",
    "foxo_active",
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


def amino_acid_gate(amino_acids) -> np.ndarray:
    """mTORC1 gate by amino-acid availability: 0 at none, 1 at normal (1.0), saturating above."""
    a = as_float_array("amino_acids", amino_acids, low=0.0, high=2.0, unit="(relative, 1 = normal)")
    return a * (1.0 + K_AA) / (a + K_AA)


def muscle_response(
    igf1_nM, amino_acids=1.0, pi3k_inhibitor=False, rapamycin=False, mek_inhibitor=False
) -> dict:
    """Steady-state muscle-cell response to IGF-1 (cell-culture calibrated; see module docstring).

    Parameters
    ----------
    igf1_nM : float or array
        IGF-1 concentration around the cells (nM, >= 0).
    amino_acids : float or array
        Amino-acid availability relative to normal culture medium (0–2; 1 = normal).
    pi3k_inhibitor, rapamycin, mek_inhibitor : bool
        Complete block of PI3K (-> no Akt), of mTORC1, or of MEK (-> no ERK).

    Returns
    -------
    dict with float (scalar input) or array (array input, broadcast shape) values:
    ``receptor_occupancy`` (0–1), ``pi3k`` (0–1), ``akt`` (0–1), ``mtorc1`` (relative to basal),
    ``foxo_active`` (relative to basal), ``erk`` (0–1), ``synthesis_rel`` and ``degradation_rel``
    (1.0 = no IGF-1, normal amino acids, no blocker), ``net_balance`` (synthesis_rel −
    degradation_rel) and ``proliferation_rel`` (1.0 = no IGF-1).

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
    akt = pi3k
    mtorc1 = np.zeros_like(occupancy) if rapa else gate * (1.0 + SYNTH_GAIN * akt)
    synthesis = MTOR_INDEPENDENT + (1.0 - MTOR_INDEPENDENT) * mtorc1
    foxo = 1.0 - DEGR_GAIN * akt
    degradation = foxo
    erk = np.zeros_like(occupancy) if mek_block else occupancy
    proliferation = 1.0 + PROLIF_GAIN * erk

    out = {
        "receptor_occupancy": occupancy,
        "pi3k": pi3k,
        "akt": akt,
        "mtorc1": mtorc1,
        "foxo_active": foxo,
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


def half_max_nM(key: str = "synthesis_rel", **kwargs) -> float:
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
    if x >= 0.5:
        return "ON"
    if x >= 0.1:
        return "PARTLY ON"
    return "OFF"


def _change_word(rel: float) -> str:
    pct = (rel - 1.0) * 100.0
    if abs(pct) < 2.0:
        return "BASAL"
    return "UP" if pct > 0 else "DOWN"


def pathway_states(
    igf1_nM: float,
    amino_acids: float = 1.0,
    pi3k_inhibitor: bool = False,
    rapamycin: bool = False,
    mek_inhibitor: bool = False,
) -> dict:
    """The state of each pathway node in words, for a single condition (scalar inputs).

    Keys: igf1r, pi3k, akt, mtorc1, foxo, erk, synthesis, degradation, proliferation. Values start
    with ON, PARTLY ON, OFF, BLOCKED, ACTIVE, INHIBITED, UP, DOWN or BASAL, so the state is
    readable without colour. Words only (no numbers), so they change only when a step changes state.
    """
    if np.ndim(igf1_nM) or np.ndim(amino_acids):
        raise ValueError("pathway_states takes a single igf1_nM and amino_acids value, not arrays")
    r = muscle_response(igf1_nM, amino_acids, pi3k_inhibitor, rapamycin, mek_inhibitor)
    occ = r["receptor_occupancy"]
    states = {"igf1r": _level_word(occ)}
    states["pi3k"] = "BLOCKED" if pi3k_inhibitor else _level_word(r["pi3k"])
    states["akt"] = "OFF (PI3K blocked)" if pi3k_inhibitor else _level_word(r["akt"])
    if rapamycin:
        states["mtorc1"] = "BLOCKED"
    elif amino_acids == 0:
        states["mtorc1"] = "OFF (no amino acids)"
    else:
        states["mtorc1"] = _level_word(r["akt"]) if r["akt"] >= 0.1 else "BASAL"
    states["foxo"] = "INHIBITED" if r["akt"] >= 0.5 else "ACTIVE"
    states["erk"] = "BLOCKED" if mek_inhibitor else _level_word(r["erk"])
    states["synthesis"] = _change_word(r["synthesis_rel"])
    states["degradation"] = _change_word(r["degradation_rel"])
    states["proliferation"] = _change_word(r["proliferation_rel"])
    return states
