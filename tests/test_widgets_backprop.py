"""§5.3 dashboards: the worked-example stepper and the XOR trainer (train once, scrub)."""

import numpy as np
import pytest

from chapter5.plots.backprop import MAZUR_STAGES
from chapter5.widgets import bp_xor_trainer, mazur_stepper


def test_stepper_every_stage_is_a_new_picture_and_table():
    d = mazur_stepper()
    pictures, tables = {d.image.value}, set()
    for stage in range(1, len(MAZUR_STAGES)):
        d.buttons["next"].click()
        assert d.values["stage"] == stage
        pictures.add(d.image.value)
        tables.add(d.children[1].children[1].value)
    assert len(pictures) == len(MAZUR_STAGES)
    assert "0.291027774" in d.result["title"]
    assert "w5+" in d.children[1].children[1].value or "E_total+" in d.children[1].children[1].value
    d.buttons["next"].click()
    assert d.values["stage"] == len(MAZUR_STAGES) - 1
    for _ in range(10):
        d.buttons["back"].click()
    assert d.values["stage"] == 0


def test_stepper_shows_the_published_numbers():
    d = mazur_stepper(stage=4)
    texts = {k: t.get_text() for k, t in d.view.edge_text.items()}
    assert texts["w5"] == "w5 = 0.3589" and texts["w1"] == "w1 = 0.15"
    d.controls["stage"].value = 5  # e_h uses the OLD w_hj: the picture must show them
    assert d.view.edge_text["w5"].get_text() == "w5 = 0.4"
    d.controls["stage"].value = 6
    assert d.view.edge_text["w1"].get_text() == "w1 = 0.1498"


@pytest.fixture(scope="module")
def trainer():
    return bp_xor_trainer()


def test_trainer_learns_xor_by_default_and_scrubs_without_retraining(trainer):
    assert trainer.result["accuracy"] == 1.0 and trainer.result["E"] < 0.01
    net = trainer.result["net"]
    pictures = set()
    for epoch in (0, 100, 500, 1500, 3000):
        trainer.controls["epoch"].value = epoch
        assert trainer.result["net"] is net and trainer.result["epoch"] == epoch
        pictures.add(trainer.image.value)
    assert len(pictures) == 5
    trainer.controls["epoch"].value = 0
    assert trainer.result["E"] > 0.1


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("eta", (10 ** -2, 10 ** 1.5)), ("hidden", (1, 8)), ("seed", (9, 0)),
    ("mode", ("accumulated", "standard")), ("activation", ("tanh", "relu", "sigmoid")),
])
def test_trainer_every_control_at_its_extremes(trainer, name, values):
    for value in values:
        before = trainer.result["net"]
        trainer.controls[name].value = value
        assert trainer.result["net"] is not before
        assert np.isfinite(trainer.result["E"])
        assert trainer.image.value[:3] == b"\xff\xd8\xff"  # a JPEG


def test_trainer_reports_oscillation_with_a_huge_learning_rate():
    d = bp_xor_trainer(eta=10 ** 1.5)
    assert d.result["accuracy"] < 1.0
    curve = d.result["net"].loss_curve_
    assert np.std(curve[-200:]) > 1e-3, "E keeps jumping instead of settling"


def test_repr_rebuilds_the_trainer():
    d = bp_xor_trainer(eta=0.5, hidden=3, seed=2, epoch=700)
    rebuilt = eval(repr(d), {"bp_xor_trainer": bp_xor_trainer})
    assert rebuilt.values == d.values and rebuilt.image.value == d.image.value


def test_builders_check_arguments():
    with pytest.raises(ValueError, match="stage must be <= 7"):
        mazur_stepper(stage=9)
    with pytest.raises(ValueError, match="unknown mode"):
        bp_xor_trainer(mode="batch")
