"""Logic gates and the names of the 16 Boolean functions of two inputs."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from chapter5.datasets import BOOLEAN_FUNCTIONS, binary_inputs, logic_gate, name_boolean_function


@pytest.mark.parametrize(
    ("name", "expected"),
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("nand", [1, 1, 1, 0]),
     ("nor", [1, 0, 0, 0]), ("xor", [0, 1, 1, 0])],
)
def test_two_input_gates(name, expected):
    X, y = logic_gate(name)
    assert X.shape == (4, 2) and set(np.unique(X)) <= {0.0, 1.0}
    assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert_array_equal(y, expected)
    assert y.dtype.kind == "i"


def test_not_gate_has_one_input():
    X, y = logic_gate("NOT")
    assert X.shape == (2, 1)
    assert_array_equal(y, [1, 0])


def test_gate_truth_tables_agree_with_logic():
    X, _ = logic_gate("and")
    a, b = X[:, 0].astype(bool), X[:, 1].astype(bool)
    assert_array_equal(logic_gate("and")[1], a & b)
    assert_array_equal(logic_gate("or")[1], a | b)
    assert_array_equal(logic_gate("xor")[1], a ^ b)
    assert_array_equal(logic_gate("nand")[1], ~(a & b))
    assert_array_equal(logic_gate("nor")[1], ~(a | b))


def test_unknown_gate_lists_valid_names():
    with pytest.raises(ValueError, match="unknown gate 'xnor'; valid gates are 'and', 'or'"):
        logic_gate("xnor")
    with pytest.raises(TypeError, match="gate must be a string, one of 'and'"):
        logic_gate(None)


def test_binary_inputs_counting_order():
    assert binary_inputs(3).shape == (8, 3)
    assert_array_equal(binary_inputs(1)[:, 0], [0, 1])
    with pytest.raises(ValueError, match="d must be >= 1"):
        binary_inputs(0)


def test_all_sixteen_functions_are_named_once():
    assert len(BOOLEAN_FUNCTIONS) == 16 and len(set(BOOLEAN_FUNCTIONS.values())) == 16
    for name in ("and", "or", "nand", "nor", "xor"):
        assert name_boolean_function(logic_gate(name)[1]) == name.upper()


def test_name_boolean_function_rejects_bad_outputs():
    with pytest.raises(ValueError, match="y must hold the outputs on the 4 binary inputs"):
        name_boolean_function([0, 1])
    with pytest.raises(ValueError, match="only 0/1"):
        name_boolean_function([0, 0.5, 1, 1])


def test_watermelon_3_0_matches_the_book():
    from chapter5.datasets import watermelon_3_0, watermelon_3_0_alpha

    wm = watermelon_3_0()
    assert wm.X.shape == (17, 19) and wm.ids.tolist() == list(range(1, 18))
    assert_array_equal(wm.y, [1] * 8 + [0] * 9), "rows 1-8 are good melons"
    # one-hot blocks of 3+3+3+3+3+2 columns, exactly one 1 per block and row
    blocks = np.split(wm.X[:, :17], np.cumsum([3, 3, 3, 3, 3]), axis=1)
    assert all(np.array_equal(b.sum(axis=1), np.ones(17)) for b in blocks)
    assert wm.raw["色泽"][0] == "青绿" and wm.english("colour")[0] == "green"
    assert wm.english("触感")[5] == "soft-sticky"
    assert wm.X[0, -2:].tolist() == [0.697, 0.46] and wm.X[16, -2:].tolist() == [0.719, 0.103]
    assert (wm.ids[wm.train] == [1, 2, 3, 6, 7, 10, 14, 15, 16, 17]).all()
    assert (wm.ids[wm.validation] == [4, 5, 8, 9, 11, 12, 13]).all()
    X, y = watermelon_3_0_alpha()
    assert X.shape == (17, 2)
    assert_array_equal(y, wm.y)
    with pytest.raises(ValueError, match="unknown column 'weight'"):
        wm.english("weight")


@pytest.mark.parametrize("name", ["xor", "circles", "moons", "spiral"])
def test_toy_sets_are_balanced_reproducible_and_checked(name):
    from chapter5.datasets import toy_2d

    X, y = toy_2d(name, n=101, noise=0.1, random_state=4)
    assert X.shape == (101, 2) and set(y.tolist()) == {0, 1}
    assert np.all(np.abs(X) < 2.0)
    X2, y2 = toy_2d(name, n=101, noise=0.1, random_state=4)
    assert_array_equal(X, X2) and assert_array_equal(y, y2)
    if name != "xor":
        assert abs(int(y.sum()) - 50) <= 1
    with pytest.raises(ValueError, match="noise must be <= 1.0"):
        toy_2d(name, noise=2.0)
    with pytest.raises(ValueError, match="unknown name 'blobs'"):
        toy_2d("blobs")


def test_iris_and_breast_cancer_ship_with_the_package():
    from chapter5.datasets import breast_cancer, iris

    d = iris()
    assert d.X.shape == (150, 4) and d.X[0].tolist() == [5.1, 3.5, 1.4, 0.2]
    assert np.bincount(d.y).tolist() == [50, 50, 50]
    assert d.one_hot().shape == (150, 3)
    assert np.all(d.one_hot().sum(axis=1) == 1)
    b = breast_cancer()
    assert b.X.shape == (569, 30) and b.feature_names[0] == "mean_radius"
    assert b.target_names == ("malignant", "benign") and int(b.y.sum()) == 357
    assert b.X[0, 0] == 17.99



# The public names of the single module chapter5/datasets.py before it became a package, and
# the names that moved in (Elman's sequences, the dashboards' data builders): all stay here.
OLD_NAMES = ["ART_SEQUENCES", "BOOLEAN_FUNCTIONS", "GATES", "TOY_SETS", "WATERMELON_ATTRIBUTES",
             "WATERMELON_CONTINUOUS", "WATERMELON_TRAIN", "WATERMELON_VALIDATION", "TableData",
             "Watermelon", "art_sequence", "bars_and_stripes", "binary_inputs", "blobs_2d",
             "breast_cancer", "iris", "letter_sequence", "linearly_separable", "logic_gate",
             "name_boolean_function", "temporal_xor", "toy_2d", "two_spirals",
             "watermelon_3_0", "watermelon_3_0_alpha"]
MOVED_FROM_ELMAN = ["ELMAN_SYLLABLES", "LETTERS", "error_by_position", "letter_sequence",
                    "lookup_table_errors", "next_step_pairs", "one_hot", "temporal_xor"]
MOVED_FROM_WIDGETS = {"art": ["ART_DATASETS", "art_data"],
                      "cascade": ["CASCADE_DATASETS", "cascade_data"],
                      "perceptron": ["REPLAY_DATASETS", "replay_data"],
                      "playground": ["PLAYGROUND_DATASETS", "playground_data"],
                      "rbf": ["RBF_DATASETS", "rbf_data"],
                      "som": ["SOM_DATASETS", "som_data"]}


def test_every_data_set_name_is_in_the_datasets_package():
    import chapter5.datasets as datasets

    moved = [n for names in MOVED_FROM_WIDGETS.values() for n in names]
    for name in OLD_NAMES + MOVED_FROM_ELMAN + moved:
        assert name in datasets.__all__ and hasattr(datasets, name), name
    assert sorted(set(datasets.__all__)) == sorted(datasets.__all__)


def test_moved_names_are_the_same_objects_at_their_old_homes():
    import importlib

    import chapter5.datasets as datasets
    import chapter5.networks.elman as elman

    for name in MOVED_FROM_ELMAN:
        assert getattr(elman, name) is getattr(datasets, name), name
    for module, names in MOVED_FROM_WIDGETS.items():
        widget = importlib.import_module(f"chapter5.widgets.{module}")
        for name in names:
            assert getattr(widget, name) is getattr(datasets, name), (module, name)


@pytest.mark.parametrize(("builder", "args", "argument"),
                         [("art_data", ("blobs",), "dataset"), ("rbf_data", ("blobs",), "dataset"),
                          ("som_data", ("blobs",), "data"), ("replay_data", ("blobs",), "dataset"),
                          ("playground_data", ("blobs", 0.1, 0), "dataset"),
                          ("cascade_data", ("blobs",), "dataset")])
def test_dashboard_data_builders_name_the_argument_they_refuse(builder, args, argument):
    import chapter5.datasets as datasets

    with pytest.raises(ValueError, match=f"unknown {argument} 'blobs'"):
        getattr(datasets, builder)(*args)


@pytest.mark.parametrize("builder", ["art_data", "rbf_data", "som_data"])
def test_cached_dashboard_data_are_read_only_and_shared(builder):
    import chapter5.datasets as datasets

    fn = getattr(datasets, builder)
    name = {"art_data": "uniform", "rbf_data": "moons", "som_data": "square"}[builder]
    first, again = fn(name), fn(name)
    assert first is again
    X = first[0] if isinstance(first, tuple) else first
    assert not X.flags.writeable
