"""Typed text survives until it is saved."""

from __future__ import annotations

from renodesk.core.drafts import DraftStore, draft_key
from renodesk.core.workspace import Workspace


def test_a_draft_is_kept_replaced_and_discarded(workspace: Workspace) -> None:
    store = DraftStore(workspace.engine)
    key = draft_key("visit", "a" * 32)
    store.save(key, {"notes": "Mevrouw wil graag"})
    store.save(key, {"notes": "Mevrouw wil graag een rustige kamer", "wishes": "Tuin"})
    store.save(draft_key("household", "b" * 32), {"phone": "06-1"})
    draft = store.load(key)
    assert draft is not None
    assert (draft.entity, draft.row_id) == ("visit", "a" * 32)
    assert draft.content == {"notes": "Mevrouw wil graag een rustige kamer", "wishes": "Tuin"}
    assert [d.key for d in store.pending("visit:")] == [key]
    assert len(store.pending()) == 2
    store.discard(key)
    assert store.load(key) is None
    assert [d.entity for d in store.pending()] == ["household"]


def test_drafts_are_local_and_never_synced(workspace: Workspace) -> None:
    before = workspace.op_count(unsent_only=False)
    DraftStore(workspace.engine).save("visit:x", {"notes": "Geheim"})
    assert workspace.op_count(unsent_only=False) == before
