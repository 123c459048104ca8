"""The shared input checks: clear messages naming the argument."""

import numpy as np
import pytest

from chapter5._validation import (
    as_float_array,
    check_bool,
    check_option,
    check_random_state,
    check_samples,
    check_scalar,
)


def test_as_float_array_copies_and_converts():
    x = np.array([1, 2, 3])
    out = as_float_array(x, "x")
    assert out.dtype == float and out is not x
    assert as_float_array([True, False], "x").tolist() == [1.0, 0.0]
    assert as_float_array(np.array([1, 2], dtype=object), "x").tolist() == [1.0, 2.0]


@pytest.mark.parametrize("bad", ["1.0", b"1", [object()], np.array(["a"])])
def test_as_float_array_refuses_non_numbers(bad):
    with pytest.raises(TypeError, match="^arg must be numeric"):
        as_float_array(bad, "arg")


def test_as_float_array_ndim_and_nan():
    with pytest.raises(ValueError, match="arg must be 1-D or 2-D; got shape"):
        as_float_array(np.zeros((1, 1, 1)), "arg", ndim=(1, 2))
    with pytest.raises(ValueError, match="arg must contain only finite"):
        as_float_array([np.inf], "arg", allow_nan=False)


def test_check_scalar():
    assert check_scalar(np.float32(0.5), "eta", min_value=0, include_min=False) == 0.5
    assert check_scalar(np.int64(3), "q", integer=True) == 3
    with pytest.raises(ValueError, match="eta must be > 0; got 0.0"):
        check_scalar(0.0, "eta", min_value=0, include_min=False)
    with pytest.raises(ValueError, match="eta must be <= 1"):
        check_scalar(2, "eta", max_value=1)
    with pytest.raises(TypeError, match="q must be an integer"):
        check_scalar(2.0, "q", integer=True)
    with pytest.raises(TypeError, match="flag must be a real number"):
        check_scalar(True, "flag")


def test_check_option():
    assert check_option(" Standard ", "mode", ["standard", "accumulated"]) == "standard"
    with pytest.raises(ValueError, match="unknown mode 'batch'; valid modes are 'standard'"):
        check_option("batch", "mode", ["standard", "accumulated"])
    with pytest.raises(TypeError, match="mode must be a string"):
        check_option(1, "mode", ["standard"])


def test_check_random_state():
    a = check_random_state(7).normal(size=3)
    b = check_random_state(7).normal(size=3)
    assert np.array_equal(a, b)
    g = np.random.default_rng(1)
    assert check_random_state(g) is g
    assert isinstance(check_random_state(None), np.random.Generator)
    with pytest.raises(TypeError, match="random_state must be None"):
        check_random_state("seed")
    with pytest.raises(ValueError, match="non-negative"):
        check_random_state(-1)


def test_check_bool():
    assert check_bool(np.True_, "bias") is True
    assert check_bool(False, "bias") is False
    for bad in (1, 0.0, "yes", None):
        with pytest.raises(TypeError, match="^bias must be True or False; got "):
            check_bool(bad, "bias")


def test_check_samples():
    X = np.ones((3, 2))
    assert check_samples(X) is X
    assert check_samples(np.ones(3), "y") is not None  # 1-D: samples only
    with pytest.raises(ValueError, match=r"^X must contain at least one sample; got 0 rows "
                                         r"\(shape \(0, 2\)\)"):
        check_samples(np.empty((0, 2)))
    with pytest.raises(ValueError, match=r"^X_val must have at least one feature; got 0 "
                                         r"columns \(shape \(3, 0\)\)"):
        check_samples(np.empty((3, 0)), "X_val")
    with pytest.raises(ValueError, match="^X must contain at least one sample"):
        check_samples(np.empty((0, 0)))
