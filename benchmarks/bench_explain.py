"""Three-kind explanation benchmark: "muscle, nerve root or nerve?" with and without qualities.

Run: .venv/bin/python benchmarks/bench_explain.py [--cases]
The evaluation set (tests/nerves/presentations.json) charts realistic presentations with the
kind and structure a clinician would expect, each with its source. Kind: the first explanation
is of the expected kind and no other kind ties with it. Structure: one expected structure is
within the first three distinct structures, ties counting against it. The baseline ranks the
same patterns under the same evidence rule with every zone as evidence and nothing else (no
qualities, no charted trigger points, no intake history); the new ranking weighs all three.
Both run here, on the same data. Target: the expected structure in the top 3 for >= 90%.
Speed: one explanation (ranking and red flags) of the evaluation's largest chart and of the
demo intake chart, at the built-in pattern count and ten times it; target < 50 ms at x1.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from bodymap.geometry import load_atlas
from bodymap.nerves.evaluate import Outcome, Presentation, outcome, read_presentations, shares
from bodymap.nerves.evidence import Evidence
from bodymap.nerves.rank import BASELINE, DEFAULT_WEIGHING, Weighing
from bodymap.ops.demo import build_demo_record
from bodymap.ops.explain import ExplainContext, chart_evidence, explain_context, explain_evidence

CASES = Path(__file__).resolve().parent.parent / "tests" / "nerves" / "presentations.json"
TARGET_TOP3 = 0.9
TARGET_MS = 50.0
RANKINGS = {
    "baseline (zones only)": BASELINE,
    "+ qualities": Weighing(trigger_points=False, history=False),
    "+ trigger points": Weighing(history=False),
    "new (all)": DEFAULT_WEIGHING,
}


def run(ctx: ExplainContext, cases: Sequence[Presentation], w: Weighing) -> list[Outcome]:
    return [
        outcome(c, explain_evidence(c.evidence(), ctx, top=None, weighing=w).explanations)
        for c in cases
    ]


def table(cases: Sequence[Presentation], results: dict[str, list[Outcome]]) -> None:
    names = ["baseline (zones only)", "new (all)"]
    print(f"| group | n | {' | '.join(f'{n} kind 1st | {n} top 3' for n in names)} |")
    print(f"|---|---|{'---|---|' * len(names)}")
    groups = [*dict.fromkeys(c.group for c in cases), "all", "all (V only)"]
    for g in groups:
        idx = [i for i, c in enumerate(cases)
               if g == "all" or (g == "all (V only)" and c.status == "V") or c.group == g]  # fmt: skip
        cells = []
        for n in names:
            kind, top3 = shares([results[n][i] for i in idx])
            cells += [f"{kind:.0%}", f"{top3:.0%}"]
        print(f"| {g} | {len(idx)} | {' | '.join(cells)} |")
    for n, outs in results.items():
        kind, top3 = shares(outs)
        verdict = "met" if top3 >= TARGET_TOP3 else "MISSED"
        print(f"  {n:22} kind first {kind:4.0%}, structure in top 3 {top3:4.0%} "
              f"(target >= {TARGET_TOP3:.0%}: {verdict})")  # fmt: skip


def misses(results: dict[str, list[Outcome]]) -> None:
    for n, outs in results.items():
        kind = [o.case.id for o in outs if not o.kind_hit]
        top3 = [f"{o.case.id} (#{o.rank or '-'})" for o in outs if not o.top3]
        print(f"  {n}: kind not first: {', '.join(kind) or 'none'}")
        print(f"  {'':{len(n)}}  structure not in top 3: {', '.join(top3) or 'none'}")


def per_case(results: dict[str, list[Outcome]]) -> None:
    base, new = results["baseline (zones only)"], results["new (all)"]
    print("| case | expected | source | baseline first | # | new first | # |")
    print("|---|---|---|---|---|---|---|")
    for b, n in zip(base, new, strict=True):
        c = b.case
        print(f"| {c.id} | {c.kind}: {' / '.join(c.expected)} | {c.source} | {b.first} | "
              f"{b.rank or '-'} | {n.first} | {n.rank or '-'} |")  # fmt: skip


def red_flags(ctx: ExplainContext, cases: Sequence[Presentation]) -> None:
    wrong = []
    for c in cases:
        found = explain_evidence(c.evidence(), ctx, intake_flags=c.intake_flags, top=1).flags
        if {f.id for f in found} != set(c.red_flags):
            wrong.append(f"{c.id}: {[f.id for f in found]}")
    raised = sum(bool(c.red_flags) for c in cases)
    print(f"  red flags: {len(cases) - len(wrong)}/{len(cases)} cases raise exactly the expected "
          f"ones ({raised} should raise some){'; wrong: ' + '; '.join(wrong) if wrong else ''}")  # fmt: skip


def sensitivity(ctx: ExplainContext, cases: Sequence[Presentation]) -> None:
    for field, values in (("neural_cost", (0.4, 0.6, 0.8)), ("ache_cost", (0.1, 0.25, 0.4))):
        cells = []
        for v in values:
            kind, top3 = shares(run(ctx, cases, replace(DEFAULT_WEIGHING, **{field: v})))
            cells.append(f"{v}: {kind:.0%}/{top3:.0%}")
        print(f"  new, kind/top3 by {field}: {'; '.join(cells)}")


def median_ms(call: Callable[[], object], repeat: int = 60) -> float:
    call()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def speed(ctx: ExplainContext, cases: Sequence[Presentation]) -> None:
    atlas = load_atlas()
    charts: dict[str, Evidence] = {
        "largest case": max(cases, key=lambda c: len(c.marks)).evidence(),
        "demo intake": chart_evidence(build_demo_record(atlas).visits[0].pre_chart, atlas, ctx),
    }
    for scale in (1, 10):
        big = replace(ctx, patterns=ctx.patterns * scale)
        for label, ev in charts.items():
            ms = {n: median_ms(lambda w=w, ev=ev, big=big: explain_evidence(ev, big, weighing=w))
                  for n, w in (("baseline", BASELINE), ("new", DEFAULT_WEIGHING))}  # fmt: skip
            ok = "met" if ms["new"] < TARGET_MS * scale else "MISSED"
            print(f"  speed x{scale} ({len(big.patterns)} patterns, {label}, {len(ev.zones)} zones): "
                  f"baseline {ms['baseline']:.2f} ms, new {ms['new']:.2f} ms, new/baseline "
                  f"{ms['new'] / ms['baseline']:.2f}, target < {TARGET_MS * scale:.0f} ms: {ok}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", action="store_true", help="also print every case's result")
    args = parser.parse_args()
    atlas = load_atlas()
    ctx = explain_context(atlas)
    cases = read_presentations(CASES)
    results = {n: run(ctx, cases, w) for n, w in RANKINGS.items()}
    kinds = {
        k: sum(1 for p in ctx.patterns if p.kind == k) for k in ("muscle", "dermatome", "nerve")
    }
    print(f"{len(cases)} presentations; sided patterns: {kinds}")
    table(cases, results)
    misses(results)
    red_flags(ctx, cases)
    sensitivity(ctx, cases)
    if args.cases:
        per_case(results)
    print()
    speed(ctx, cases)


if __name__ == "__main__":
    main()
