"""Property: laptops that edit, delete and sync in any order end up holding the same data,
and no text a coach typed is lost (it is the current value, a kept conflict version, or
was on screen when someone typed over it)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from synckit import Laptop, make_household, state, team_of

from renodesk.sync.clock import HybridClock

LAPTOPS = 3
SKEW_MS = 90_000  # one laptop's clock runs 1.5 minutes fast: applied, never held
SHARED_CODES = ("LH-1", "LH-2")  # project codes two laptops may both give offline


class TeamOfLaptops(RuleBasedStateMachine):
    @initialize()
    def set_up(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="renodesk-sync-"))
        self.folder, self.laptops = team_of(self.tmp, LAPTOPS)
        skewed = self.laptops[-1].ws
        wall = HybridClock(skewed.device_id)._wall
        skewed.clock = HybridClock(skewed.device_id, skewed.clock.last,
                                   wall=lambda: wall() + SKEW_MS)
        self.hidden: list[tuple[Path, Path]] = []
        self.typed: set[str] = set()
        self.seen_over: set[str] = set()
        self.counter = 0
        first = make_household(self.laptops[0], name="Fam. Start", notes="start")
        self.typed.add("start")
        self.households = {first}
        for laptop in self.laptops:
            laptop.sync()

    def teardown(self) -> None:
        for laptop in getattr(self, "laptops", []):
            laptop.ws.engine.dispose()
        if hasattr(self, "tmp"):
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    @rule(who=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def edit_notes(self, who: int, pick: int) -> None:
        laptop = self.laptops[who]
        rows = laptop.rows("household")
        if not rows:
            return
        household = sorted(rows)[pick % len(rows)]
        text = f"notitie {self._next()} van laptop {who}"
        self.seen_over.add(rows[household]["notes"])
        laptop.ws.update("household", household, {"notes": text})
        self.typed.add(text)

    @rule(who=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50),
          stance=st.sampled_from(["yes", "no", "undecided"]))
    def edit_stance(self, who: int, pick: int, stance: str) -> None:
        laptop = self.laptops[who]
        rows = laptop.rows("household")
        if rows:
            laptop.ws.update("household", sorted(rows)[pick % len(rows)], {"stance": stance})

    @rule(who=st.integers(0, LAPTOPS - 1))
    def create(self, who: int) -> None:
        text = f"nieuw {self._next()}"
        self.households.add(make_household(self.laptops[who], name=f"Fam. {text}", notes=text))
        self.typed.add(text)

    @rule(who=st.integers(0, LAPTOPS - 1), code=st.sampled_from(SHARED_CODES))
    def create_with_a_code_another_laptop_may_use(self, who: int, code: str) -> None:
        laptop = self.laptops[who]
        if code in {row["code"] for row in laptop.rows("project").values()}:
            return  # this laptop would refuse it; another one may not know yet
        text = f"nieuw {self._next()}"
        self.households.add(make_household(laptop, name=f"Fam. {text}", notes=text,
                                           code=code))
        self.typed.add(text)

    @rule(who=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50),
          code=st.sampled_from(SHARED_CODES))
    def give_a_project_a_code_another_laptop_may_use(self, who: int, pick: int,
                                                      code: str) -> None:
        laptop = self.laptops[who]
        projects = laptop.rows("project")
        if code not in {row["code"] for row in projects.values()}:
            laptop.ws.update("project", sorted(projects)[pick % len(projects)], {"code": code})

    @precondition(lambda self: len(self.households) > 1)
    @rule(who=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def delete(self, who: int, pick: int) -> None:
        laptop = self.laptops[who]
        rows = laptop.rows("household")
        if len(rows) > 1:
            household = sorted(rows)[pick % len(rows)]
            laptop.ws.delete("household", household)

    @rule(who=st.integers(0, LAPTOPS - 1))
    def sync(self, who: int) -> None:
        report = self.laptops[who].sync()
        assert report.stopped is None
        assert report.held_future == 0

    @rule(who=st.integers(0, LAPTOPS - 1), copy=st.booleans())
    def delay_or_duplicate_latest_file(self, who: int, copy: bool) -> None:
        device = self.laptops[who].ws.device_id
        folder = self.laptops[who].team.root / "devices" / device
        files = sorted(folder.glob("*.rdc"))
        if not files:
            return
        latest = files[-1]
        if copy:  # a cloud client's duplicate: must be set aside, never applied twice
            shutil.copy(latest, latest.with_name(latest.stem + " (1).rdc"))
        else:  # not yet arrived on the share: held back until the end
            parked = self.tmp / f"parked-{device}-{latest.name}"
            latest.rename(parked)
            self.hidden.append((parked, latest))

    @rule(who=st.integers(0, LAPTOPS - 1))
    def read_everything_again(self, who: int) -> None:
        with self.laptops[who].ws.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM sync_peer")

    @invariant()
    def nothing_held_in_the_database_is_broken(self) -> None:
        for laptop in getattr(self, "laptops", []):
            with laptop.ws.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []

    def check_converged(self) -> None:
        for parked, original in self.hidden:
            parked.rename(original)
        self.hidden = []
        for _round in range(2):
            for laptop in self.laptops:
                assert laptop.sync().stopped is None
        states = [state(laptop) for laptop in self.laptops]
        assert all(s == states[0] for s in states[1:])
        current = {row["notes"] for row in states[0]["household"].values()}
        kept: set[str] = set()
        for laptop in self.laptops:
            for conflict in _all_conflicts(laptop):
                kept |= {conflict[0], conflict[1]}
        deleted_texts = self._texts_of_deleted()
        lost = self.typed - current - kept - self.seen_over - deleted_texts
        assert not lost, lost

    def _texts_of_deleted(self) -> set[str]:
        """Texts of households a coach deleted (a delete is not a lost edit). Only a
        delete someone made counts: a household the merge removed by itself (say, with
        a parent set aside) is a loss."""
        import json

        from sqlalchemy import text

        texts: set[str] = set()
        with self.laptops[0].ws.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT o.value_json, o.field FROM sync_operation o JOIN sync_operation d "
                "ON d.entity = o.entity AND d.row_id = o.row_id AND d.field = '__deleted__' "
                "WHERE o.entity = 'household'"))
            for value_json, field in rows:
                value = json.loads(value_json)
                if field == "notes":
                    texts.add(value)
                elif field == "__create__":
                    texts.add(value["notes"])
        return texts


def _all_conflicts(laptop: Laptop) -> list[tuple[str, str]]:
    import json

    from sqlalchemy import text

    with laptop.ws.engine.connect() as conn:
        return [(json.loads(a), json.loads(b)) for a, b in conn.execute(text(
            "SELECT kept_value_json, other_value_json FROM sync_conflict"))]


class Converging(TeamOfLaptops):
    def teardown(self) -> None:
        try:
            if hasattr(self, "laptops"):
                self.check_converged()
        finally:
            super().teardown()


def test_one_project_code_given_offline_on_two_laptops_converges_and_keeps_both_households(
) -> None:
    """The failing case the property found (shrunk): laptop 2 (clock ahead) and laptop 0
    each make a project with code LH-1 and a household under it; laptop 0 syncs and
    deletes a household. The merge used to set the later project aside on one laptop,
    taking its household and typed notes with it, while the other laptop held the
    earlier project back forever because its own had children: the laptops diverged
    and a household's text was gone."""
    machine = Converging()
    machine.set_up()
    machine.create_with_a_code_another_laptop_may_use(code="LH-1", who=2)
    machine.create_with_a_code_another_laptop_may_use(code="LH-1", who=0)
    machine.sync(who=0)
    machine.delete(pick=0, who=0)
    machine.teardown()  # every laptop synced twice: identical, and no typed text lost


# Randomized on every run (hypothesis prints the seed and the failing steps). CI runs a
# handful of examples (~30 s on two cores); before changing the merge, run many more:
#   RENODESK_SYNC_EXAMPLES=300 pytest tests/integration/sync/test_sync_convergence.py
Converging.TestCase.settings = settings(
    max_examples=int(os.environ.get("RENODESK_SYNC_EXAMPLES", "8")), stateful_step_count=14,
    deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_laptops_converge_and_lose_no_text = Converging.TestCase
