"""Explorer `fasting`: IGF-1 during a fast and refeeding (model) over illustrative participants."""

from __future__ import annotations

from ..data import load_dataset
from ..models import nutrition as nut
from ..plots.nutrition import fasting_figure, participants_xy
from .base import Explorer, choice, register, slider, trace

_DIET_OPTIONS = [(nut.DIET_LABELS[d].capitalize(), d) for d in nut.DIETS]
_N_POINTS = 241


@register
class FastingExplorer(Explorer):
    name = "fasting"
    title = "Fasting and refeeding: IGF-1 as % of the pre-fast level"
    summary_labels = {
        "end_of_fast_pct": ("End of the fast (model)", "% of pre-fast", ".0f"),
        "end_of_refeeding_pct": ("End of refeeding (model)", "% of pre-fast", ".0f"),
        "data_day5_pct": ("Illustrative participants, day 5 (mean)", "% of pre-fast", ".0f"),
        "data_day10_pct": ("Illustrative participants, day 10 (mean)", "% of pre-fast", ".0f"),
    }

    def __init__(self) -> None:
        df = load_dataset("fasting_refeeding")
        self._data = {}
        for diet in nut.DIETS:
            d = df[df["diet"] == diet]
            x, y = participants_xy(
                d["day"].to_numpy(), d["igf1_pct_prefast"].to_numpy(), d["participant_id"].to_numpy()
            )
            means = d.groupby("day")["igf1_pct_prefast"].mean()
            self._data[diet] = (x, y, means.index.to_numpy(), means.to_numpy())
        super().__init__()

    trace_uids = ("participants", "participants-mean", "model")

    def make_controls(self):
        return {
            "fast_days": slider("Length of the fast", "days", 0.0, 10.0, 0.5, 2.0, fmt=".1f"),
            "refeed_days": slider("Length of refeeding", "days", 0.0, 20.0, 1.0, 5.0, fmt=".0f"),
            "diet": choice("Refeeding diet", _DIET_OPTIONS, "normal"),
        }

    def compute(self, fast_days, refeed_days, diet):
        t, y = nut.fast_then_refeed(fast_days, refeed_days, diet, n_points=_N_POINTS)
        x, py, md, mp = self._data[diet]
        return {
            "t": t,
            "pct": 100 * y,
            "fast_days": fast_days,
            "refeed_days": refeed_days,
            "diet": diet,
            "part_x": x,
            "part_y": py,
            "mean_days": md,
            "mean_pct": mp,
            "end_of_fast_pct": 100 * nut.fasting_igf1(fast_days),
            "end_of_refeeding_pct": 100 * nut.refeeding_igf1(fast_days, refeed_days, diet),
            "data_day5_pct": float(mp[md == 5][0]),
            "data_day10_pct": float(mp[md == 10][0]),
        }

    def make_figure(self, r):
        return fasting_figure(
            r["t"],
            r["pct"],
            r["part_x"],
            r["part_y"],
            r["mean_days"],
            r["mean_pct"],
            r["fast_days"],
            diet_label=nut.DIET_LABELS[r["diet"]],
        )

    def update_figure(self, fig, r):
        part, mean, model = trace(fig, "participants"), trace(fig, "participants-mean"), trace(fig, "model")
        part.x, part.y = r["part_x"], r["part_y"]
        mean.x, mean.y = r["mean_days"], r["mean_pct"]
        model.x, model.y = r["t"], r["pct"]
        model.name = f"Model: {nut.DIET_LABELS[r['diet']]}"
        fig.layout.shapes[0].x0 = fig.layout.shapes[0].x1 = r["fast_days"]
        fig.layout.annotations[0].x = r["fast_days"]
        # as fasting_figure builds it: at least the 10 days of the illustrative protocol
        fig.layout.xaxis.range = [-0.3, max(10.0, float(max(r["t"]))) + 0.3]

    def summarize(self, r):
        return {k: float(r[k]) for k in self.summary_labels}

    def describe(self, s, values=None):
        v = values or self.values()
        label = nut.DIET_LABELS[v["diet"]]
        return (
            f"Model: after a {v['fast_days']:g}-day fast IGF-1 is {s['end_of_fast_pct']:.0f} % of "
            f"the pre-fast level; after {v['refeed_days']:g} days on the {label} it is "
            f"{s['end_of_refeeding_pct']:.0f} %. The grey lines are 8 illustrative (synthetic) "
            f"participants who fasted 5 days and were refed on the same diet: their mean is "
            f"{s['data_day5_pct']:.0f} % on day 5 and {s['data_day10_pct']:.0f} % on day 10."
        )
