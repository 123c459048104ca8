"""Play's pictures, kept (issue 17): the replay views of the perceptron, ART, SOM and
cascade-correlation dashboards keep each step's encoded picture (``FigureView.shown``), and
draw them ahead while the kernel is idle, so that Play sends them without drawing (15 or
more a second at projector scale). A kept picture must be the picture drawing gives."""

from __future__ import annotations

import asyncio
import time

import pytest
from live_support import prepare_at_once, run_live

from chapter5.widgets import (
    art_replay,
    bp_playground,
    cascade_growth,
    elman_explorer,
    perceptron_replay,
    rbm_explorer,
    som_explorer,
)
from chapter5.widgets._live import PLAY_INTERVAL
from chapter5.widgets.art import SLOW_PLAY_INTERVAL as ART_SLOW
from chapter5.widgets.cascade import SLOW_PLAY_INTERVAL as CASCADE_SLOW

# (builder, its settings, the replay control, a retraining change)
CASES = {
    "perceptron": (perceptron_replay, {"dataset": "and", "eta": 0.1, "w1": 0.0, "w2": 0.0,
                                       "theta": 0.0}, "step", ("eta", 0.5)),
    "art": (art_replay, {"dataset": "three clusters"}, "step", ("rho", 0.6)),
    "som": (som_explorer, {"n_iterations": 1000}, "step", ("seed", 1)),
    "cascade": (cascade_growth, {"dataset": "xor", "seed": 0}, "units", ("seed", 1)),
    "elman": (elman_explorer, {}, "epoch", ("seed", 1)),
}


def _positions(d, name):
    return list(range(d.controls[name].min, d.controls[name].max + 1, d.play.step))


@pytest.mark.parametrize("case", CASES)
def test_a_kept_picture_is_the_picture_drawing_gives(case):
    build, settings, name, (other, value) = CASES[case]
    d = build(**settings)
    positions = _positions(d, name)
    drawn = {}
    for k in positions:  # forwards: each picture drawn (and kept)
        d.controls[name].value = k
        drawn[k] = d.image.value
    assert len(set(drawn.values())) > len(positions) // 2, "the steps differ"
    assert len(d.view._kept) >= min(len(positions), d.view.max_kept)
    for k in reversed(positions):  # backwards: sent from the kept ones
        d.controls[name].value = k
        assert d.image.value == drawn[k], f"{name} = {k}: another picture was kept"
    # another run loaded forgets the first run's pictures: its own are drawn
    d.controls[other].value = value
    direct = build(**{**settings, other: value})
    for k in (0, d.controls[name].max // 2, d.controls[name].max):
        d.controls[name].value = k
        direct.controls[name].value = k
        assert d.image.value == direct.image.value, f"{name} = {k} of the second run"


def test_any_other_method_of_a_view_forgets_what_show_drew():
    d = perceptron_replay()
    assert d.view.shown is not None
    d.view.prepare_frame(10, 4)  # a method other than show may change what is drawn
    assert d.view.shown is None
    d.controls["step"].value = 1
    assert d.view.shown == (1, d.values["eta"])


@pytest.mark.parametrize("case", CASES)
def test_play_positions_are_drawn_while_idle_and_nothing_shown_changes(monkeypatch, case):
    build, settings, name, _ = CASES[case]
    prepare_at_once(monkeypatch)

    async def scenario():
        d = build(**settings)
        before = (d.image.value, repr(d.result))
        deadline = time.monotonic() + 60
        while not d.warm_up.done:
            assert time.monotonic() < deadline, "Play's pictures were not drawn in a minute"
            await asyncio.sleep(0.01)
        after = (d.image.value, repr(d.result))
        draws = []
        render = d.view.render
        d.view.render = lambda: draws.append(1) or render()
        for k in _positions(d, name):  # a Play, as the browser sends it
            d.controls[name].set_state({"value": k})
        return d, before, after, len(draws)

    d, before, after, draws = run_live(scenario)
    assert not d.warm_up.errors
    assert after == before, "drawing ahead changed the picture or the result"
    assert draws == 0, f"Play drew {draws} pictures that were to be kept"
    assert d.image.value == build(**settings, **{name: d.controls[name].max}).image.value


@pytest.mark.parametrize(("build", "slow_interval"), [(art_replay, ART_SLOW),
                                                     (cascade_growth, CASCADE_SLOW)])
def test_play_goes_15_a_second_unless_slow_is_down(build, slow_interval):
    d = build(**({"dataset": "xor"} if build is cascade_growth else {}))
    assert d.play.interval == PLAY_INTERVAL <= 1000 / 15
    d.slow.value = True
    assert d.play.interval == slow_interval
    d.slow.value = False
    assert d.play.interval == PLAY_INTERVAL
    d.hide(*[k for k in d.companions])
    assert d.slow.layout.display == "none", "hidden with the slider it paces"


PLAYED = {**{k: v[:3] for k, v in CASES.items()},
          "playground": (bp_playground, {}, "epoch"),
          "rbm": (rbm_explorer, {}, "epoch"),
          "elman": (elman_explorer, {}, "epoch")}


@pytest.mark.parametrize("playing", [True, False])
@pytest.mark.parametrize("case", PLAYED)
def test_while_play_runs_the_next_picture_is_drawn_before_it_is_asked_for(
        monkeypatch, case, playing):
    """A browser's Play: each step answered, the next one's picture is drawn in the round
    trip's time, so the step that follows sends a kept picture (without Play, nothing is
    drawn ahead: each step draws)."""
    import chapter5.widgets._live as widgets_live

    monkeypatch.setattr(widgets_live, "IDLE_DELAY", 60.0)  # no idle preparation meanwhile
    monkeypatch.setattr(widgets_live, "WARM_SECONDS", 60.0)
    build, settings, name = PLAYED[case]

    async def scenario():
        d = build(**settings)
        control = d.controls[name]
        positions = [k for k in range(control.min, control.max + 1, d.play.step)
                     if k != control.value][:6]  # (the picture shown is kept already)
        d.play.set_state({"playing": playing})
        control.set_state({"value": positions[0]})
        control.set_state({"value": positions[1]})
        await asyncio.sleep(0.1)
        draws = []
        render = type(d.view).render

        def counted(view):
            draws.append(1)
            render(view)

        d.view.render = counted.__get__(d.view)
        pictures, answered_by_drawing = [], 0
        for k in positions[2:]:
            n = len(draws)
            control.set_state({"value": k})  # the step: answered from the kept pictures?
            answered_by_drawing += len(draws) > n
            pictures.append(d.image.value)
            await asyncio.sleep(0.08)  # the browser's round trip: the next picture is drawn
        return d, positions, pictures, answered_by_drawing

    d, positions, pictures, drawn = run_live(scenario)
    assert len(positions) >= 4
    assert drawn == (0 if playing else len(positions) - 2)
    direct = build(**settings, **{name: positions[-1]})
    assert pictures[-1] == direct.image.value
