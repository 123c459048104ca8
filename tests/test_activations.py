"""§5.1 activation functions: values, derivatives, the sigmoid identity (5.9), stability, errors."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5 import activations
from chapter5.activations import ACTIVATIONS, get_activation

SMOOTH = ["sigmoid", "tanh", "linear"]
ALL = list(ACTIVATIONS)


def central_difference(f, x, h=1e-6):
    return (np.asarray(f(x + h)) - np.asarray(f(x - h))) / (2 * h)


def test_registry_holds_the_six_activations_in_book_order():
    assert list(ACTIVATIONS) == ["step", "sign", "sigmoid", "tanh", "relu", "linear"]
    for name, act in ACTIVATIONS.items():
        assert act.name == name
        assert get_activation(name.upper()) is act


@pytest.mark.parametrize("name", SMOOTH + ["relu"])
def test_derivative_matches_central_finite_difference(name):
    act = get_activation(name)
    # avoid relu's kink at exactly 0
    x = np.array([-4.0, -1.3, -0.2, 0.3, 0.9, 2.5, 4.0])
    assert_allclose(act.df(x), central_difference(act.f, x), rtol=1e-6, atol=1e-8,
                    err_msg=f"{name}'(x) disagrees with the central difference")


@pytest.mark.parametrize("name", ["step", "sign"])
def test_hard_limits_are_flat_away_from_the_jump(name):
    act = get_activation(name)
    x = np.array([-3.0, -0.5, 0.5, 3.0])
    assert_array_equal(act.df(x), 0.0)
    assert_allclose(central_difference(act.f, x), 0.0)


def test_step_and_sign_values_with_the_books_convention_at_zero():
    x = np.array([-2.0, -1e-12, 0.0, 1e-12, 2.0])
    assert_array_equal(activations.step(x), [0, 0, 1, 1, 1])
    assert_array_equal(activations.sign(x), [-1, -1, 1, 1, 1])
    assert_array_equal(activations.sign(x), 2 * activations.step(x) - 1)


def test_eq5_9_sigmoid_derivative_is_f_times_one_minus_f():
    x = np.linspace(-8, 8, 33)
    f = activations.sigmoid(x)
    assert_allclose(activations.d_sigmoid(x), f * (1 - f), rtol=1e-15,
                    err_msg="(5.9): f'(x) = f(x)(1 - f(x))")
    assert activations.d_sigmoid(0.0) == 0.25  # the maximum slope


def test_sigmoid_hand_values_and_symmetry():
    assert activations.sigmoid(0.0) == 0.5
    assert_allclose(activations.sigmoid(np.log(3.0)), 0.75, rtol=1e-15)  # 1/(1 + 1/3)
    x = np.linspace(-30, 30, 61)
    assert_allclose(activations.sigmoid(x) + activations.sigmoid(-x), 1.0, rtol=1e-15)


def test_tanh_is_a_rescaled_sigmoid():
    x = np.linspace(-5, 5, 21)
    assert_allclose(activations.tanh(x), 2 * activations.sigmoid(2 * x) - 1, atol=1e-15)


def test_sigmoid_is_stable_at_plus_minus_1e4_with_warnings_as_errors():
    x = np.array([-1e4, -1e3, -745.2, -50.0, 0.0, 50.0, 745.2, 1e3, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            y = activations.sigmoid(x)
            dy = activations.d_sigmoid(x)
    assert np.all(np.isfinite(y)) and np.all((y >= 0) & (y <= 1))
    assert y[0] == 0.0 and y[-1] == 1.0
    assert np.all(np.diff(y) >= 0), "sigmoid must stay monotone at the extremes"
    assert np.all(np.isfinite(dy)) and np.all(dy >= 0)


def test_logit_inverts_sigmoid():
    x = np.linspace(-20, 20, 41)
    assert_allclose(activations.logit(activations.sigmoid(x)), x, atol=1e-8)
    with pytest.raises(ValueError, match="y must lie in"):
        activations.logit(1.5)


@pytest.mark.parametrize("name", ALL)
def test_shapes_are_preserved_and_scalars_come_back_as_float(name):
    act = get_activation(name)
    for shape in [(3,), (2, 3), (2, 2, 2)]:
        x = np.linspace(-1, 1, int(np.prod(shape))).reshape(shape)
        assert np.shape(act.f(x)) == shape and np.shape(act.df(x)) == shape
    assert isinstance(act.f(0.5), float) and isinstance(act.df(0.5), float)


@pytest.mark.parametrize("name", ALL)
def test_input_is_not_mutated(name):
    x = np.array([-1.0, 0.0, 2.0])
    before = x.copy()
    get_activation(name).f(x)
    get_activation(name).df(x)
    assert_array_equal(x, before)


def test_unknown_activation_name_lists_the_valid_names():
    with pytest.raises(ValueError, match=r"unknown activation 'softmax'.*'step'.*'linear'"):
        get_activation("softmax")


def test_activation_name_of_wrong_type():
    with pytest.raises(TypeError, match="activation must be a string, one of 'step'"):
        get_activation(3)


@pytest.mark.parametrize("bad", ["abc", ["a", "b"], [1 + 2j], {"x": 1}])
def test_non_numeric_input_raises_type_error_naming_x(bad):
    with pytest.raises(TypeError, match=r"^x must be numeric"):
        activations.sigmoid(bad)


def test_ragged_input_raises_value_error_naming_x():
    with pytest.raises(ValueError, match=r"^x must be a rectangular array"):
        activations.step([[1.0, 2.0], [3.0]])


def test_sigmoid_kernel_is_the_sigmoid_as_one_tanh_and_never_overflows():
    x = np.linspace(-40.0, 40.0, 801)
    # equal within an absolute 2^-52 (one step at 1); for x below about -37 it is 0, not e^x (1 + tanh cancels)
    assert_allclose(activations.sigmoid_kernel(x), activations.sigmoid(x), rtol=0, atol=3e-16)
    assert activations.sigmoid_kernel(-40.0) == 0.0 < activations.sigmoid(-40.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_array_equal(activations.sigmoid_kernel(np.array([-1e308, 1e308])), [0.0, 1.0])
    # the networks' loops use it: its bits are those of the formula they used before
    assert_array_equal(activations.sigmoid_kernel(x), 0.5 + 0.5 * np.tanh(0.5 * x))
