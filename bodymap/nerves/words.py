"""Plain-words sentences: what an explanation explains, what it leaves unexplained, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bodymap.nerves.explanation import Explanation
from bodymap.nerves.patterns import DERMATOME, MUSCLE
from bodymap.referral.explain import name_list

KIND_WORDS = {MUSCLE: "muscle (trigger point)", DERMATOME: "nerve root (dermatome)",
              "nerve": "peripheral nerve"}  # fmt: skip


def and_list(words: Sequence[str]) -> str:
    """ "numbness", "numbness and tingling", "numbness, tingling and burning"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _reach(e: Explanation, labels: Mapping[str, str] | None) -> str:
    total = len(e.reached) + len(e.unexplained)
    n = len(e.reached)
    if n == total:
        head = "Explains every charted zone" if n > 1 else "Explains the charted zone"
    else:
        head = f"Explains {n} of the {total} charted zones"
    parts = [f"{head} ({name_list(e.reached, labels)})"]
    beyond = (
        "as root pain beyond its skin area"
        if e.kind == DERMATOME
        else "as symptoms beyond its skin area"
    )
    site = "where the trigger point lies" if e.kind == MUSCLE else "over the entrapment site"
    for zones, words in ((e.partial, "only in part" if e.kind != MUSCLE else "only as spillover"),
                         (e.pain, beyond), (e.site, site)):  # fmt: skip
        if zones:
            parts.append(f"{len(zones)} {words}")
    return ", ".join(parts)


def _gaps(e: Explanation, labels: Mapping[str, str] | None) -> list[str]:
    out = []
    if e.unexplained:
        out.append(f"leaves {name_list(e.unexplained, labels)} unexplained")
    main = len(e.pattern.main)
    free = len(e.pain_free)
    if free and main:
        verb = "is" if free == 1 else "are"
        out.append(f"{free} of its {main} main zones {verb} pain-free" if free < main
                   else "none of its main zones is charted")  # fmt: skip
    return out


def _qualities(e: Explanation, labels: Mapping[str, str] | None) -> list[str]:
    out = []
    if e.kind == MUSCLE:
        if e.trigger_point:
            out.append("Its trigger point is charted as active.")
        if e.neural_unfit:
            out.append(
                f"{and_list(e.neural).capitalize()} charted ({name_list(e.neural_unfit, labels)}): "
                "trigger-point referral does not usually cause that, so a nerve may be involved."
            )
        return out
    if e.history and e.pattern.territory is not None and e.pattern.territory.history:
        out.append(f"The intake lists {and_list(list(e.history))}: its sources name "
                   f"{e.pattern.territory.history.text} as a cause.")  # fmt: skip
    if e.neural:
        verb = "fits" if len(e.neural) == 1 else "fit"
        out.append(f"The {and_list(e.neural)} {verb} a {KIND_WORDS[e.kind]}.")
    elif e.ache_only and len(e.ache_only) == len(e.reached):
        out.append("Only aching is charted where it reaches: nerve pain usually brings "
                   "numbness, tingling or burning.")  # fmt: skip
    if e.spared and e.pattern.territory is not None:
        why = e.pattern.territory.spared_words
        out.append(f"Charted where it is usually spared ({name_list(e.spared, labels)})"
                   + (f": {why}." if why else "."))  # fmt: skip
    return out


def explain(e: Explanation, labels: Mapping[str, str] | None = None) -> str:
    """E.g. "Explains 3 of the 4 charted zones (right thumb, ...), 1 only in part; leaves right
    back of neck unexplained. The numbness and tingling fit a peripheral nerve."."""
    first = "; ".join([_reach(e, labels), *_gaps(e, labels)]) + "."
    return " ".join([first, *_qualities(e, labels)])
