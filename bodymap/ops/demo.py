"""A realistic synthetic client (desk worker, neck/shoulder pain) for demos, tests and reports."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from bodymap.geometry import Atlas
from bodymap.model import (
    Chart,
    Client,
    ClientRecord,
    Finding,
    FindingKind,
    Intake,
    Outcomes,
    PainMark,
    Peg,
    PsfsRating,
    Quality,
    RedFlag,
    RedFlagAnswer,
    ReferralArrow,
    RomEntry,
    SelfCare,
    Soap,
    Stroke,
    Technique,
    TreatmentPlan,
    TriggerPointState,
    Visit,
    VisitKind,
)
from bodymap.model.arrows import mirrored
from bodymap.model.signing import amend, sign
from bodymap.store import Store

THERAPIST = "Demo Therapist"
DAYS = (0, 7, 14, 21, 31, 42, 56)  # visit days over eight weeks
PSFS = ("Computer work for 2 hours", "Sleeping through the night", "Shoulder check when driving")


def _p(atlas: Atlas, zone: str) -> tuple[float, float]:
    return atlas.zone(zone).point


def _marks(atlas: Atlas, level: float) -> tuple[PainMark, ...]:
    """Pain marks scaled by `level` (1.0 at intake, falling as treatment works)."""
    spec = [
        ("back", "right-shoulder-top", 8, (Quality.ACHING,)),
        ("back", "right-back-neck", 7, (Quality.ACHING, Quality.THROBBING)),
        ("front", "right-side-neck", 6, (Quality.ACHING,)),
        ("front", "right-temple", 7, (Quality.THROBBING,)),
        ("front", "right-upper-arm-front-outer", 5, (Quality.ACHING,)),
        ("front", "right-forearm-palmar-radial", 4, (Quality.TINGLING,)),
        ("front", "right-thumb-palmar", 4, (Quality.TINGLING, Quality.NUMBNESS)),
        ("back", "right-scapular-border", 5, (Quality.BURNING,)),
    ]
    out = []
    for view, zone, base, qualities in spec:
        intensity = round(base * level)
        if intensity >= 2:  # faint pain resolves and drops off the chart
            out.append(PainMark(view=view, point=_p(atlas, zone), zone=zone, intensity=intensity,
                                qualities=qualities))  # fmt: skip
    return tuple(out)


def _path(atlas: Atlas, zones: list[str], rng: random.Random) -> tuple[tuple[float, float], ...]:
    """A hand-drawn-looking polyline through the zones' points."""
    pts: list[tuple[float, float]] = []
    anchors = [_p(atlas, z) for z in zones]
    for (x0, y0), (x1, y1) in zip(anchors, anchors[1:], strict=False):
        for i in range(6):
            t = i / 6
            pts.append(
                (x0 + (x1 - x0) * t + rng.uniform(-1, 1), y0 + (y1 - y0) * t + rng.uniform(-1, 1))
            )
    pts.append(anchors[-1])
    return tuple(pts)


def _strokes(atlas: Atlas, level: float, rng: random.Random) -> tuple[Stroke, ...]:
    arm = [
        "right-upper-arm-front-outer",
        "right-forearm-palmar-radial",
        "right-thenar",
        "right-thumb-palmar",
    ]
    out = [
        Stroke(view="front", points=_path(atlas, arm, rng), width=9.0,
               intensity=max(1, round(5 * level)), quality=Quality.TINGLING),
        Stroke(view="back", points=_path(atlas, ["right-back-neck", "right-shoulder-top"], rng),
               width=12.0, intensity=max(1, round(7 * level)), quality=Quality.ACHING),
    ]  # fmt: skip
    if level > 0.5:
        head = ["right-temple", "right-forehead"]
        out.append(Stroke(view="front", points=_path(atlas, head, rng), width=7.0,
                          intensity=max(1, round(6 * level)), quality=Quality.THROBBING))  # fmt: skip
    return tuple(out)


def _findings(atlas: Atlas, level: float) -> tuple[Finding, ...]:
    state = TriggerPointState.ACTIVE if level > 0.45 else TriggerPointState.LATENT
    out = [
        Finding(kind=FindingKind.TRIGGER_POINT, view="back", point=_trapezius(atlas),
                zone="right-shoulder-top", state=state, muscle="upper trapezius"),
        Finding(kind=FindingKind.TRIGGER_POINT, view="front", point=_p(atlas, "right-side-neck"),
                zone="right-side-neck", state=state, muscle="scalenes"),
    ]  # fmt: skip
    if level > 0.3:
        out.append(Finding(kind=FindingKind.HYPERTONICITY, view="back",
                           point=_p(atlas, "right-back-neck"), zone="right-back-neck",
                           note="levator scapulae and upper trapezius taut"))  # fmt: skip
    return tuple(out)


def _trapezius(atlas: Atlas) -> tuple[float, float]:
    """The upper trapezius trigger point (back view): on the free border, out from the neck."""
    x, y = _p(atlas, "right-shoulder-top")
    return (x + 10.0, y)  # the patient's right is the viewer's right on the back view


def _arrows(atlas: Atlas) -> tuple[ReferralArrow, ...]:
    # Each arrow lies on one view: the trapezius trigger point is charted on the back, so its
    # referral to the temple is drawn from the same spot seen from the front (the shoulder's
    # slope, clear of the scalene trigger point at the side of the neck).
    trapezius = _trapezius(atlas)
    return (
        ReferralArrow(view="front", start=_p(atlas, "right-side-neck"), to_zone="right-thumb-palmar",
                      end=_p(atlas, "right-thumb-palmar"), note="scalene referral"),
        ReferralArrow(view="back", start=trapezius, to_zone="right-mastoid",
                      note="upper trapezius referral behind the ear"),
        ReferralArrow(view="front", start=mirrored(atlas, trapezius, "back", "front"),
                      to_zone="right-temple", note="upper trapezius referral to the temple"),
    )  # fmt: skip


def _chart(atlas: Atlas, level: float, rng: random.Random) -> Chart:
    return Chart(marks=_marks(atlas, level), strokes=_strokes(atlas, level, rng),
                 findings=_findings(atlas, level), arrows=_arrows(atlas))  # fmt: skip


def _outcomes(n: int, level: float) -> Outcomes:
    worst = round(8 * level + 0.4)
    return Outcomes(
        pain_now=round(6 * level), pain_least=round(3 * level), pain_worst=max(1, worst),
        peg=Peg(pain=round(6 * level), enjoyment=round(5 * level), activity=round(6 * level)),
        psfs=tuple(PsfsRating(a, min(10, s + round(n * 0.9))) for a, s in zip(PSFS, (3, 4, 2), strict=True)),
        sleep_hours=round(5.5 + n * 0.35, 1), pain_wakes=level > 0.5,
        medication="ibuprofen 400 mg twice daily" if level > 0.6 else ("ibuprofen as needed" if level > 0.3 else "none"),
        rom=(
            RomEntry("cervical spine", "rotation right", 50 + 4.0 * n, painful=level > 0.5),
            RomEntry("cervical spine", "lateral flexion left", 25 + 2.5 * n, painful=level > 0.7),
            RomEntry("right shoulder", "abduction", 150 + 4.0 * n, painful=False),
        ),
    )  # fmt: skip


def _soap(n: int, level: float) -> Soap:
    return Soap(
        subjective=f"Neck and right shoulder ache after desk days, tingling to the thumb; "
        f"temple headaches {max(0, 4 - n)} times this week. Synthetic demo note.",
        objective="Active TrPs right upper trapezius and scalenes reproduce arm symptoms; "
        "cervical rotation limited to the right." if level > 0.45 else
        "Latent TrPs only; cervical rotation near full and pain-free.",
        assessment=f"Pain worst {max(1, round(8 * level + 0.4))}/10, improving with treatment.",
        plan="Continue weekly; home stretches for scalenes and upper trapezius, heat, desk setup.",
    )  # fmt: skip


def build_demo_record(atlas: Atlas, *, start: date | None = None) -> ClientRecord:
    """The demo client: 7 visits over 8 weeks, pain improving, every kind of record filled in.

    Deterministic for a given start date apart from the random ids.
    """
    first = start or date.today() - timedelta(days=DAYS[-1])
    rng = random.Random(20240601)
    client = Client(
        name="Demo Client (synthetic)", date_of_birth=date(1986, 4, 12),
        contact="demo@example.invalid", notes="Synthetic demo record, not a real person.",
        consent_treatment=True, consent_treatment_date=first,
        consent_storage=True, consent_storage_date=first,
    )  # fmt: skip
    visits = []
    for n, day in enumerate(DAYS):
        level = max(0.12, 1.0 - 0.14 * n)
        when = datetime.combine(first + timedelta(days=day), time(9 + n % 3, 0))
        kind = VisitKind.INTAKE if n == 0 else (
            VisitKind.REASSESSMENT if n in (3, len(DAYS) - 1) else VisitKind.FOLLOW_UP)  # fmt: skip
        visit = Visit(
            client_id=client.id, started_at=when, therapist=THERAPIST, kind=kind,
            pre_chart=_chart(atlas, level, rng), post_chart=_chart(atlas, level * 0.7, rng),
            soap=_soap(n, level), outcomes=_outcomes(n, level),
            techniques=(Technique.TRIGGER_POINT, Technique.MYOFASCIAL_RELEASE, Technique.STRETCHING)
            + ((Technique.DEEP_TISSUE,) if n % 2 else (Technique.SWEDISH,)),
            self_care=(SelfCare.HEAT, SelfCare.STRETCHES) + ((SelfCare.EPSOM_SALT_BATH,) if n < 3 else ()),
            self_care_text="Raise the monitor to eye level; hourly breaks; scalene stretch 3x daily.",
        )  # fmt: skip
        if n < len(DAYS) - 1:  # the latest visit is still a draft
            visit = sign(visit, THERAPIST, when + timedelta(hours=1))
        if n == 1:
            visit = amend(visit, THERAPIST, when + timedelta(days=1), "added missed finding",
                          soap=Soap(visit.soap.subjective, visit.soap.objective + " Mild spasm in "
                                    "right levator scapulae.", visit.soap.assessment, visit.soap.plan))  # fmt: skip
        visits.append(visit)
    return ClientRecord(client, (_intake(client, first),), tuple(visits), (_plan(client, first),))


def _intake(client: Client, first: date) -> Intake:
    return Intake(
        client_id=client.id, revision=1, recorded_at=datetime.combine(first, time(8, 45)),
        recorded_by=THERAPIST,
        chief_complaint="My neck and right shoulder ache all day at work and it goes down my arm "
        "to the thumb; I get headaches at the side of my head.",
        onset="Gradual, three months ago after a new job", duration="Constant ache, worse by evening",
        aggravating="Long computer sessions, driving, carrying a shoulder bag",
        easing="Heat, moving around, weekends", conditions=("none known",),
        injuries=("whiplash (minor) 2015",), medications=("ibuprofen 400 mg",),
        posture_work="Laptop on the desk without a stand; mouse far to the right",
        stress="High at work this quarter", sleep="Wakes with arm tingling 2-3 nights a week",
        nutrition="Skips lunch often", nerve_symptoms="Tingling into the right thumb and index finger",
        repetitive_strain="Mouse use 8 hours a day", goals=("Work a full day without pain",
        "Sleep through the night", "Fewer headaches"),
        red_flags=tuple(RedFlagAnswer(flag, False) for flag in RedFlag),
    )  # fmt: skip


def _plan(client: Client, first: date) -> TreatmentPlan:
    return TreatmentPlan(
        client_id=client.id, created_at=datetime.combine(first, time(10, 0)),
        goals=("Worst pain 3/10 or less", "PSFS average 7 or more", "No tingling at night"),
        visits_per_week=1.0, planned_visits=8,
        appointments=tuple(datetime.combine(first + timedelta(days=d), time(9, 0)) for d in (63, 70)),
        review_date=first + timedelta(days=56), notes="Review desk setup at visit 3.",
    )  # fmt: skip


def create_demo(store: Store, atlas: Atlas, *, start: date | None = None) -> ClientRecord:
    """Build the demo client and add it to the store in one transaction."""
    record = build_demo_record(atlas, start=start)
    store.import_record(record)
    return record
