"""The "match the patient to the condition" activity of notebook 06 (pure checking + display).

Five invented patients (illustrative vignettes; no real person) each show the laboratory pattern
of one condition of :data:`helpers.models.conditions.CONDITIONS`. ``check_matches(answers)``
takes the student's ``{"A": "acromegaly", ...}`` and returns feedback that names the clue for
each miss; nothing on screen shows the key before the student answers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .models.conditions import CONDITIONS

#: Illustrative (synthetic) vignettes. "key" is the condition; "clue" is the reasoning the
#: feedback gives after a wrong match.
PATIENTS: dict[str, dict] = {
    "A": dict(
        text="A 46-year-old whose ring and shoe sizes have grown; IGF-1 2.5 times the upper limit "
        "for age; GH not suppressed after a glucose drink.",
        key="acromegaly",
        clue="High IGF-1 together with GH that does not switch off points to GH excess.",
    ),
    "B": dict(
        text="A 19-year-old with a body-mass index of 15 kg/m² after months of restricted eating; "
        "IGF-1 below the interval for age; mean and nadir GH above those of healthy peers.",
        key="malnutrition",
        clue="GH is high while IGF-1 is low, and the cause is acquired (under-nutrition): "
        "acquired GH resistance, which recovers with refeeding.",
    ),
    "C": dict(
        text="A 52-year-old treated for a pituitary tumour; IGF-1 below the interval for age; a "
        "stimulation test gives almost no GH; less lean mass and strength than before.",
        key="adult_ghd",
        clue="Low GH even when stimulated, and IGF-1 low with it: GH deficiency.",
    ),
    "D": dict(
        text="A very short adult from a family in which several relatives are affected; IGF-1 "
        "below 60 µg/L; GH raised; GH-binding protein hardly detectable.",
        key="laron",
        clue="Inherited, lifelong, high GH with very low IGF-1 and missing GH-binding protein "
        "(the receptor's outer part): a GH-receptor defect.",
    ),
    "E": dict(
        text="A 40-year-old with a body-mass index of 38 kg/m²; blunted GH response to "
        "stimulation; IGF-1 lower than in lean adults; both improve after weight loss.",
        key="obesity",
        clue="GH is suppressed, IGF-1 only mildly low, and both recover with weight loss: "
        "the reversible hyposomatotropism of obesity.",
    ),
}

CHOICES = [k for k in CONDITIONS if k != "healthy"]


@dataclass(frozen=True)
class MatchResult:
    """Feedback for a set of matches; displays as an accessible HTML list in Jupyter."""

    correct: int
    total: int
    lines: tuple[str, ...]

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self.lines)
        return (
            f"<div class='tfl-exercise-check' role='status'><p><strong>{self.correct} of {self.total} "
            f"matched.</strong></p><ul>{items}</ul></div>"
        )

    def __str__(self) -> str:
        return f"{self.correct} of {self.total} matched.\n" + "\n".join(self.lines)


def check_matches(answers: dict) -> MatchResult:
    """Check ``answers`` (patient letter -> condition key from :data:`CHOICES`).

    Raises ValueError naming an unknown letter or condition; a missing letter counts as
    unanswered.
    """
    if not isinstance(answers, dict):
        raise ValueError(f"answers must be a dict like {{'A': 'acromegaly'}}, got {type(answers).__name__}")
    for letter, cond in answers.items():
        if letter not in PATIENTS:
            raise ValueError(f"patient {letter!r} does not exist; patients are {sorted(PATIENTS)}")
        if cond not in CHOICES:
            raise ValueError(f"condition {cond!r} for patient {letter} is not one of {CHOICES}")
    lines, n = [], 0
    for letter, p in PATIENTS.items():
        given = answers.get(letter)
        if given is None:
            lines.append(f"Patient {letter}: not answered yet.")
        elif given == p["key"]:
            n += 1
            lines.append(f"Patient {letter}: correct — {CONDITIONS[given]['label']}.")
        else:
            lines.append(f"Patient {letter}: not quite — you chose {CONDITIONS[given]['label']}. {p['clue']}")
    return MatchResult(n, len(PATIENTS), tuple(lines))
