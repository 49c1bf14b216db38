"""The unit of sync: one field of one record set to one value by one device."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: Field name of the operation that deletes (tombstones) a record.
DELETE_FIELD = "__deleted__"


@dataclass(frozen=True)
class Operation:
    op_id: str  # uuid4 hex, unique across all devices
    device_id: str
    device_seq: int  # 1, 2, 3 ... per device, without gaps
    hlc: str  # packed Hlc of the edit
    entity: str  # table name, e.g. "household"
    row_id: str
    field: str  # column name, or DELETE_FIELD
    value: Any  # JSON value (dates as ISO text, binary as base64 text)
    base_hlc: str | None = None  # hlc of the value the editor saw (None: new record)

    @property
    def is_delete(self) -> bool:
        return self.field == DELETE_FIELD

    def to_json(self) -> dict[str, Any]:
        # Spelled out: dataclasses.asdict deep-copies every value, which made sending a
        # first changeset of tens of thousands of operations take seconds.
        return {"op_id": self.op_id, "device_id": self.device_id,
                "device_seq": self.device_seq, "hlc": self.hlc, "entity": self.entity,
                "row_id": self.row_id, "field": self.field, "value": self.value,
                "base_hlc": self.base_hlc}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Operation:
        return cls(**data)


def dumps(ops: list[Operation]) -> bytes:
    payload = [op.to_json() for op in ops]
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def loads(raw: bytes) -> list[Operation]:
    return [Operation.from_json(item) for item in json.loads(raw)]
