"""Hybrid logical clock: monotonic, causal, and wary of clocks far ahead."""

import pytest

from renodesk.sync.clock import MAX_DRIFT_MS, ClockDriftError, Hlc, HybridClock


def test_timestamps_only_go_forward_even_when_the_wall_clock_goes_back() -> None:
    wall = [1000]
    clock = HybridClock("a", wall=lambda: wall[0])
    first = clock.now()
    wall[0] = 500
    second = clock.now()
    third = clock.now()
    assert first < second < third
    assert second.wall_ms == 1000 and second.counter == 1


def test_observing_a_remote_time_moves_past_it() -> None:
    clock = HybridClock("a", wall=lambda: 1000)
    seen = clock.observe(Hlc(1500, 7, "b"))
    assert seen > Hlc(1500, 7, "b")
    assert clock.now() > seen


def test_remote_times_too_far_ahead_are_refused() -> None:
    clock = HybridClock("a", wall=lambda: 1000)
    with pytest.raises(ClockDriftError):
        clock.observe(Hlc(1000 + MAX_DRIFT_MS + 1, 0, "b"))


def test_packed_timestamps_sort_like_the_tuples() -> None:
    stamps = [Hlc(5, 2, "b"), Hlc(5, 10, "a"), Hlc(40, 0, "a"), Hlc(5, 2, "a")]
    assert sorted(stamps, key=Hlc.pack) == sorted(stamps)
    assert Hlc.unpack(Hlc(123, 4, "dev").pack()) == Hlc(123, 4, "dev")


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock("a", last=Hlc(1000, 0xFFFF, "a"), wall=lambda: 1000)
    assert clock.now() == Hlc(1001, 0, "a")
