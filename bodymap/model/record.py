"""A client's whole record (client, intake revisions, visits, plans): the unit of export and import."""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.model.chart import ITEM_FIELDS
from bodymap.model.client import Client
from bodymap.model.intake import Intake
from bodymap.model.plan import TreatmentPlan
from bodymap.model.values import check_tuple
from bodymap.model.visit import Visit


@dataclass(frozen=True)
class ClientRecord:
    """Everything stored about one client, visits oldest first, intakes by revision."""

    client: Client
    intakes: tuple[Intake, ...] = ()
    visits: tuple[Visit, ...] = ()
    plans: tuple[TreatmentPlan, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.client, Client):
            raise ValueError("client: expected a Client")
        for name, kind in (("intakes", Intake), ("visits", Visit), ("plans", TreatmentPlan)):
            items = check_tuple(name, getattr(self, name), kind)
            object.__setattr__(self, name, items)
            for i, item in enumerate(items):
                if item.client_id != self.client.id:
                    raise ValueError(f"{name}[{i}].client_id: does not match client.id")
        revisions = [i.revision for i in self.intakes]
        if len(set(revisions)) != len(revisions):
            raise ValueError("intakes: two intake revisions have the same number")
        ids: set[str] = {self.client.id}
        for path, item_id in _all_ids(self):
            if item_id in ids:
                raise ValueError(f"{path}.id: {item_id!r} is used twice")
            ids.add(item_id)

    def __repr__(self) -> str:
        return f"ClientRecord(client={self.client!r}, visits={len(self.visits)})"


def _all_ids(rec: ClientRecord) -> list[tuple[str, str]]:
    out = [(f"intakes[{i}]", x.id) for i, x in enumerate(rec.intakes)]
    out += [(f"plans[{i}]", x.id) for i, x in enumerate(rec.plans)]
    for i, v in enumerate(rec.visits):
        out.append((f"visits[{i}]", v.id))
        out += [(f"visits[{i}].amendments[{j}]", a.id) for j, a in enumerate(v.amendments)]
        for slot in ("pre_chart", "post_chart"):
            chart = getattr(v, slot)
            out.append((f"visits[{i}].{slot}", chart.id))
            for kind in ITEM_FIELDS.values():
                for j, item in enumerate(getattr(chart, kind)):
                    out.append((f"visits[{i}].{slot}.{kind}[{j}]", item.id))
    return out
