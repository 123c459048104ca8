"""Fast training loops for :class:`chapter5.backprop.BPNetwork` (same math, fewer Python steps).

The readable building blocks in :mod:`chapter5.backprop` allocate fresh arrays at every step;
that is fine for showing one update but slow for 10,000 epochs. Here the same updates
(5.10)-(5.15) run with:

* all parameters in ONE flat vector; each layer is a view of it shaped as the *augmented*
  matrix [W; θ] of shape (units below + 1, units), whose last row multiplies a dummy input -1
  (the perceptron's trick), so ``out_aug @ W_aug = out @ W - θ`` and one outer product updates
  weights and thresholds together (Δθ = -η δ comes from the -1 entry);
* accumulated BP: preallocated buffers and in-place numpy operations on the whole batch;
* standard BP (up to 2000 parameters): a straight-line Python function generated for the
  network's layer sizes and hidden activation, with every parameter held in a local variable
  (numpy calls on arrays of 2-10 numbers cost more than the arithmetic itself);
* larger standard-BP networks: a per-sample numpy loop with preallocated buffers.

``tests/test_backprop.py`` holds every path to the building blocks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .training import EpochMonitor, TrainConfig

FAST_MAX_PARAMS = 2000  # generated straight-line code is used up to this many parameters


@dataclass
class TrainResult:
    params: np.ndarray
    shapes: tuple
    loss: np.ndarray
    n_updates: int
    diverged_at: int | None
    history_epochs: np.ndarray
    history_params: np.ndarray
    val_loss: np.ndarray | None = None
    best_epoch: int | None = None
    eta: np.ndarray | None = None
    stop_reason: str = "max_epochs"


def flatten(Ws, ts) -> tuple[np.ndarray, tuple]:
    """Parameters -> (flat vector of augmented [W; θ] blocks, shapes ((n_in, n_out), ...))."""
    blocks = [np.vstack([W, t[np.newaxis, :]]).ravel() for W, t in zip(Ws, ts, strict=True)]
    return np.concatenate(blocks), tuple(W.shape for W in Ws)


def layer_views(flat: np.ndarray, shapes) -> list[np.ndarray]:
    """Augmented (n_in + 1, n_out) views into ``flat`` (writing to them writes to ``flat``)."""
    views, start = [], 0
    for n_in, n_out in shapes:
        size = (n_in + 1) * n_out
        views.append(flat[start:start + size].reshape(n_in + 1, n_out))
        start += size
    return views


def unflatten(flat, shapes) -> tuple[list, list]:
    """Flat vector -> (weights, thresholds) as fresh arrays."""
    views = layer_views(np.asarray(flat, dtype=float), shapes)
    return [v[:-1].copy() for v in views], [v[-1].copy() for v in views]


def _activate(name: str, net: np.ndarray, out: np.ndarray) -> None:
    """out = f(net), in place, without the public functions' argument checks.

    The homes of these formulas are in :mod:`chapter5.activations`; the sigmoid is written
    here as ``1 / (1 + exp(-net))`` in place (no temporaries), which :func:`sigmoid`'s
    ``exp(-|x|)`` form would slow down and change in the last bit (and so every trained
    network's numbers)."""
    if name == "sigmoid":
        np.negative(net, out=out)
        np.exp(out, out=out)  # may overflow to inf: 1 / (1 + inf) = 0, which is right
        out += 1.0
        np.reciprocal(out, out=out)
    elif name == "tanh":
        np.tanh(net, out=out)
    elif name == "relu":
        np.maximum(net, 0.0, out=out)
    else:  # linear
        out[...] = net


def _slope(name: str, out: np.ndarray, net: np.ndarray) -> np.ndarray:
    """f'(net), from the output where the book's identities allow (5.9)."""
    if name == "sigmoid":
        return out * (1.0 - out)
    if name == "tanh":
        return 1.0 - out * out
    if name == "relu":
        return (net > 0.0).astype(float)
    return np.ones_like(out)


def train(X, Y, Ws, ts, config: TrainConfig, rng, X_val=None, Y_val=None) -> TrainResult:
    """Run BP from (Ws, ts) as ``config`` says; see :class:`chapter5.backprop.BPNetwork`.

    Which loop runs (each calls the same :class:`~chapter5.training.EpochMonitor` after every
    epoch, so divergence, history, validation, early stopping and the callback behave alike):

    * mini-batches, momentum, a learning-rate schedule, or validation data outside the
      generated loop: :func:`train_general`;
    * accumulated BP: :func:`_accumulated` (whole-batch in-place numpy);
    * standard BP up to ``FAST_MAX_PARAMS`` parameters (validation data too):
      :func:`_standard_generated`, straight-line code generated for the layer sizes;
    * larger standard-BP networks: :func:`_standard_numpy`.

    With ``lam < 1`` every step descends on (5.17): p <- p (1 - 2 eta (1 - lam)) - eta lam dE/dp,
    i.e. the gradient part scaled by lam and every trained parameter shrunk ("weight decay").
    Divergence follows :func:`chapter5.training.has_diverged` (the blown-up epoch is counted,
    its update undone).
    """
    c = config
    flat, shapes = flatten(Ws, ts)
    m = len(X)
    fast = flat.size <= FAST_MAX_PARAMS
    validate = None if X_val is None else _Validation(X_val, Y_val, shapes, c.activation, flat)
    monitor = EpochMonitor(flat, max_epochs=c.max_epochs, record_every=c.record_every,
                           tol=c.tol, eta=c.eta, schedule=c.schedule, decay=c.decay,
                           validate=validate, patience=c.patience, callback=c.callback)
    # validation data ride on the generated standard-BP loop when it serves the rest (~4x
    # faster there than the general loop); otherwise the general loop
    plain_standard = c.mode == "standard" and fast
    if (c.mode == "minibatch" or c.momentum > 0 or c.schedule != "constant"
            or (X_val is not None and not plain_standard)):
        batch = {"standard": 1, "accumulated": m}.get(c.mode, c.batch_size)
        train_general(X, Y, flat, shapes, c, batch, rng, monitor)
        n_updates = monitor.epochs_done * -(-m // batch)
    elif c.mode == "accumulated":
        _accumulated(X, Y, flat, shapes, c, monitor)
        n_updates = monitor.epochs_done
    else:
        (_standard_generated if fast else _standard_numpy)(X, Y, flat, shapes, c, rng, monitor)
        n_updates = monitor.epochs_done * m
    monitor.finish()  # the history's last state, then early stopping's choice
    h_epochs, h_params = monitor.history
    return TrainResult(flat, shapes, monitor.loss_curve, n_updates, monitor.diverged_at,
                       h_epochs, h_params,
                       None if X_val is None else np.array(monitor.val_loss),
                       monitor.best_epoch, monitor.eta_curve, monitor.stop_reason)


def _accumulated(X, Y, flat, shapes, config: TrainConfig, monitor: EpochMonitor) -> None:
    eta, act, lam = config.eta, config.activation, config.lam
    train_thresholds = config.train_thresholds
    m = len(X)
    views = layer_views(flat, shapes)
    L = len(shapes)
    # Everything the loop touches is allocated once; each line below is one numpy call.
    # Augmented layer outputs carry a column of -1 (the dummy input): outs[k] is (m, n_k + 1).
    outs = [np.empty((m, n_in + 1)) for n_in, _ in shapes]
    for o in outs:
        o[:, -1] = -1.0
    outs[0][:, :-1] = X
    outs_T = [o.T for o in outs]
    bodies = [o[:, :-1] for o in outs]           # b_h without the dummy column
    nets = [np.empty((m, n_out)) for _, n_out in shapes]
    yhat = np.empty_like(nets[-1])
    targets = [*bodies[1:], yhat]                # where f(net_k) is written
    w_body_T = [v[:-1].T for v in views]         # w_hj^T views, for e_h (5.15)
    update_views = views if train_thresholds else [v[:-1] for v in views]
    grads = [np.empty_like(u) for u in update_views]
    grad_src = outs_T if train_thresholds else [b.T for b in bodies]
    diff, g_out = np.empty_like(yhat), np.empty_like(yhat)
    deltas = [np.empty_like(n) for n in nets]
    slopes = [np.empty_like(n) for n in nets]
    c = eta * lam / m  # accumulated BP descends on E = (1/m) sum_k E_k (5.16); lam: (5.17)
    decay = 1.0 - 2.0 * eta * (1.0 - lam)
    sigmoid_hidden = act == "sigmoid"
    end_epoch = monitor.end_epoch
    with np.errstate(all="ignore"):  # blow-ups are detected and reported, not warned about
        for ep in range(config.max_epochs):
            for k in range(L - 1):  # forward pass (5.3): hidden layers ...
                np.matmul(outs[k], views[k], out=nets[k])
                _activate(act, nets[k], targets[k])
            np.matmul(outs[-1], views[-1], out=yhat)  # ... and the sigmoid output layer
            _activate("sigmoid", yhat, yhat)
            np.subtract(Y, yhat, out=diff)
            loss = 0.5 * float(np.vdot(diff, diff)) / m
            # g (5.10) in place (home: backprop.output_term; in place, no temporaries) ...
            np.subtract(1.0, yhat, out=g_out)  # g = y_hat (1 - y_hat)(y - y_hat) (5.10) ...
            g_out *= yhat
            g_out *= diff
            g_out *= c  # ... times eta/m
            delta = g_out
            for k in range(L - 1, -1, -1):  # from the output layer down (the generalized rule)
                np.matmul(grad_src[k], delta, out=grads[k])
                if k:  # e (5.15), from the weights before the update
                    below = deltas[k - 1]
                    np.matmul(delta, w_body_T[k], out=below)
                    if sigmoid_hidden:
                        np.subtract(1.0, bodies[k], out=slopes[k - 1])
                        slopes[k - 1] *= bodies[k]
                        below *= slopes[k - 1]
                    else:
                        below *= _slope(act, bodies[k], nets[k - 1])
                    delta = below
                if decay != 1.0:
                    update_views[k] *= decay  # (5.17): shrink, then step
                update_views[k] += grads[k]  # (5.11)-(5.14); the -1 row gives -eta * delta
            if end_epoch(ep, loss):
                return


def _standard_numpy(X, Y, flat, shapes, config: TrainConfig, rng,
                    monitor: EpochMonitor) -> None:
    eta, act, lam = config.eta, config.activation, config.lam
    train_thresholds = config.train_thresholds
    m = len(X)
    views = layer_views(flat, shapes)
    L = len(shapes)
    outs = [np.empty(n_in + 1) for n_in, _ in shapes]
    for o in outs:
        o[-1] = -1.0
    nets = [np.empty(n_out) for _, n_out in shapes]
    yhat = np.empty_like(nets[-1])
    order = np.arange(m)
    decay = 1.0 - 2.0 * eta * (1.0 - lam)
    with np.errstate(all="ignore"):  # blow-ups are detected and reported, not warned about
        for ep in range(config.max_epochs):
            if config.shuffle:
                order = rng.permutation(m)
            total = 0.0
            for s in order:
                outs[0][:-1] = X[s]
                for k in range(L):
                    np.matmul(outs[k], views[k], out=nets[k])
                    target = yhat if k == L - 1 else outs[k + 1][:-1]
                    _activate("sigmoid" if k == L - 1 else act, nets[k], target)
                diff = Y[s] - yhat
                total += 0.5 * float(diff @ diff)
                # eta * g (5.10), lam: (5.17); backprop.output_term is g's home, but the
                # product's order (eta * lam first) is what the recorded runs were made with
                delta = eta * lam * yhat * (1.0 - yhat) * diff
                for k in range(L - 1, -1, -1):
                    step = np.outer(outs[k], delta)
                    if k:  # eta * e (5.15), from the weights before this update
                        delta = (views[k][:-1] @ delta) * _slope(act, outs[k][:-1], nets[k - 1])
                    target = views[k] if train_thresholds else views[k][:-1]
                    if decay != 1.0:
                        target *= decay  # (5.17)
                    target += step if train_thresholds else step[:-1]
            if monitor.end_epoch(ep, total / m):
                return


def _standard_generated(X, Y, flat, shapes, config: TrainConfig, rng,
                        monitor: EpochMonitor) -> None:
    eta, lam = config.eta, config.lam
    sizes = (shapes[0][0], *(n_out for _, n_out in shapes))
    run_epoch = standard_epoch_function(*sizes, train_thresholds=config.train_thresholds,
                                        activation=config.activation,
                                        weight_decay=lam < 1.0)
    decay = 1.0 - 2.0 * eta * (1.0 - lam)
    rows = list(zip(X.tolist(), Y.tolist(), strict=True))
    P = flat.tolist()
    m = len(rows)
    end_epoch = monitor.end_epoch
    for ep in range(config.max_epochs):
        if config.shuffle:
            epoch_rows = [rows[i] for i in rng.permutation(m)]
        else:
            epoch_rows = rows
        P, total = run_epoch(P, epoch_rows, eta * lam, decay)
        flat[:] = P
        if end_epoch(ep, total / m):
            return  # (after a blow-up the monitor has put the kept parameters in flat)


# hidden unit: (its output from its net z, the slope f'(net) from output b or net z). The
# formulas' homes are chapter5.activations (f) and backprop.hidden_term / output_term (the
# slopes, g_j); the generated loop works on Python floats with math.exp, where a call into
# those numpy functions per unit and sample would make it many times slower.
_HIDDEN_CODE = {
    "sigmoid": ("1.0 / (1.0 + exp(-{z})) if {z} > -700.0 else 0.0", "{b} * (1.0 - {b})"),
    "tanh": ("tanh({z})", "(1.0 - {b} * {b})"),
    "relu": ("{z} if {z} > 0.0 else 0.0", "(1.0 if {z} > 0.0 else 0.0)"),
    "linear": ("{z}", "1.0"),
}


def _layer_names(sizes):
    """Variable names per layer: weights, thresholds, outputs, nets, deltas.

    One hidden layer uses the book's letters (v, gamma, b | w, theta, o; deltas e and g); deeper
    networks number the layers (w2_i_j is the weight from unit i of layer 1 to unit j of 2).
    """
    L = len(sizes) - 1
    names = []
    for k in range(1, L + 1):
        out = k == L
        if L == 2:
            W, T = ("v", "gamma") if k == 1 else ("w", "theta")
            Wn = [[f"{W}{i}_{j}" for j in range(sizes[k])] for i in range(sizes[k - 1])]
            Tn = [f"{T}{j}" for j in range(sizes[k])]
            B = [f"o{j}" if out else f"b{j}" for j in range(sizes[k])]
            D = [f"g{j}" if out else f"e{j}" for j in range(sizes[k])]
            Z = [f"z{j}" if not out else "z" for j in range(sizes[k])]
        else:
            Wn = [[f"w{k}_{i}_{j}" for j in range(sizes[k])] for i in range(sizes[k - 1])]
            Tn = [f"theta{k}_{j}" for j in range(sizes[k])]
            B = [f"o{j}" if out else f"b{k}_{j}" for j in range(sizes[k])]
            D = [f"g{j}" if out else f"e{k}_{j}" for j in range(sizes[k])]
            Z = [f"z{k}_{j}" if not out else "z" for j in range(sizes[k])]
        names.append({"W": Wn, "T": Tn, "B": B, "D": D, "Z": Z})
    return names


@lru_cache(maxsize=32)
def standard_epoch_function(*sizes_and_flags, train_thresholds: bool = True,
                            activation: str = "sigmoid", weight_decay: bool = False):
    """One epoch of standard BP as generated straight-line code, for layer sizes
    ``(d, q_1, ..., l)``.

    Called as ``standard_epoch_function(d, q, l)`` (one hidden layer, the book's network) or
    with more hidden sizes; the last three positional arguments may also be given as the
    keywords. Returns ``run(P, rows, eta, decay=1.0) -> (P, sum_k E_k)``, where P lists the
    parameters in the flat order of :func:`flatten` (each layer's weights row by row, then its
    thresholds) and rows is a list of ``(x, y)`` pairs. The source is kept as ``run.source``:
    one line per equation, the book's algorithm spelt out for this network size.
    """
    sizes = tuple(int(v) for v in sizes_and_flags)
    L = len(sizes) - 1
    layers = _layer_names(sizes)
    params = []
    for lay in layers:
        params += [p for row in lay["W"] for p in row] + lay["T"]
    xs = [f"x{i}" for i in range(sizes[0])]
    ys = [f"y{j}" for j in range(sizes[-1])]
    arch = "-".join(map(str, sizes))
    src = [
        f"def run(P, rows, eta, decay=1.0, exp=exp, tanh=tanh):  # standard BP, one epoch, "
        f"{arch} network, {activation} hidden units",
        f"    {', '.join(params)}, = P",
        "    # the deltas (g for the output layer, e for hidden ones) hold eta * g_j (5.10) and",
        "    # eta * e_h (5.15)",
        "    total = 0.0",
        "    for xs, ys in rows:",
        f"        {', '.join(xs)}, = xs",
        f"        {', '.join(ys)}, = ys",
    ]
    f_code, slope_code = _HIDDEN_CODE[activation]
    below = xs
    for k, lay in enumerate(layers, start=1):  # forward pass (5.3), layer by layer
        for j in range(sizes[k]):
            net = " + ".join(f"{below[i]} * {lay['W'][i][j]}" for i in range(sizes[k - 1]))
            z, b = lay["Z"][j], lay["B"][j]
            src.append(f"        {z} = {net} - {lay['T'][j]}")
            if k < L:
                src.append(f"        {b} = {f_code.format(z=z)}")
            else:  # output unit: sigmoid, E_k (5.4) and g_j (5.10)
                src.append(f"        {b} = 1.0 / (1.0 + exp(-z)) if z > -700.0 else 0.0")
                src.append(f"        r = {ys[j]} - {b}")
                src.append("        total += 0.5 * r * r")
                src.append(f"        {lay['D'][j]} = eta * {b} * (1.0 - {b}) * r")
        below = lay["B"]
    for k in range(L - 1, 0, -1):  # hidden deltas (5.15), from the weights before the update
        lay, up = layers[k - 1], layers[k]
        for h in range(sizes[k]):
            back = " + ".join(f"{up['W'][h][j]} * {up['D'][j]}" for j in range(sizes[k + 1]))
            slope = slope_code.format(b=lay["B"][h], z=lay["Z"][h])
            src.append(f"        {lay['D'][h]} = {slope} * ({back})")

    def update(p, change):  # p += change, or with (5.17): p = p * decay + change
        sign, term = ("-", change[1:]) if change.startswith("-") else ("+", change)
        if weight_decay:
            return f"        {p} = {p} * decay {sign} {term}"
        return f"        {p} {sign}= {term}"

    for k in range(L, 0, -1):  # updates (5.11)-(5.14), output layer first
        lay = layers[k - 1]
        below = xs if k == 1 else layers[k - 2]["B"]
        for j in range(sizes[k]):
            for i in range(sizes[k - 1]):
                src.append(update(lay["W"][i][j], f"{lay['D'][j]} * {below[i]}"))
            if train_thresholds:
                src.append(update(lay["T"][j], f"-{lay['D'][j]}"))
    src.append(f"    return [{', '.join(params)}], total")
    source = "\n".join(src)
    namespace = {"exp": math.exp, "tanh": math.tanh}
    exec(compile(source, f"<standard BP {arch}>", "exec"), namespace)
    run = namespace["run"]
    run.source = source
    return run


# --------------------------------------------------------------------------------------------
# The general loop: any batch size, (5.17) regularization, momentum, learning-rate rules,
# validation with early stopping. Slower than the loops above, which serve the plain cases.
# --------------------------------------------------------------------------------------------

class _BatchBuffers:
    """Preallocated arrays for batches of one size (the loop meets at most two sizes)."""

    def __init__(self, n, shapes):
        self.outs = [np.empty((n, n_in + 1)) for n_in, _ in shapes]
        for o in self.outs:
            o[:, -1] = -1.0
        self.bodies = [o[:, :-1] for o in self.outs]
        self.nets = [np.empty((n, n_out)) for _, n_out in shapes]
        self.yhat = np.empty_like(self.nets[-1])
        self.targets = [*self.bodies[1:], self.yhat]
        self.diff = np.empty_like(self.yhat)
        self.deltas = [np.empty_like(net) for net in self.nets]
        self.slopes = [np.empty_like(net) for net in self.nets]


def _batch_direction(Xb, Yb, views, act, out, buf):
    """Write minus the gradient of the batch's mean E_k into ``out`` (flat); return that E."""
    L = len(views)
    n = len(Xb)
    buf.bodies[0][...] = Xb
    for k in range(L):
        np.matmul(buf.outs[k], views[k], out=buf.nets[k])
        _activate("sigmoid" if k == L - 1 else act, buf.nets[k], buf.targets[k])
    yhat, diff = buf.yhat, buf.diff
    np.subtract(Yb, yhat, out=diff)
    loss = 0.5 * float(np.vdot(diff, diff)) / n
    delta = buf.deltas[-1]
    np.subtract(1.0, yhat, out=delta)  # g (5.10) in place (home: backprop.output_term) ...
    delta *= yhat
    delta *= diff
    delta /= n
    stop = out.size
    for k in range(L - 1, -1, -1):
        size = views[k].size
        np.matmul(buf.outs[k].T, delta, out=out[stop - size:stop].reshape(views[k].shape))
        stop -= size
        if k:  # e (5.15), from the weights before the update
            below = buf.deltas[k - 1]
            np.matmul(delta, views[k][:-1].T, out=below)
            if act == "sigmoid":  # b (1 - b), in place (5.9)
                slope = buf.slopes[k - 1]
                np.subtract(1.0, buf.bodies[k], out=slope)
                slope *= buf.bodies[k]
                below *= slope
            else:
                below *= _slope(act, buf.bodies[k], buf.nets[k - 1])
            delta = below
    return loss


class _Validation:
    """``validate()``: E on the validation data for the parameters in ``flat`` now (the
    :class:`~chapter5.training.EpochMonitor` calls it after every epoch and keeps the best)."""

    def __init__(self, X_val, Y_val, shapes, act, flat):
        self.X, self.Y, self.act = X_val, Y_val, act
        self.views = layer_views(flat, shapes)
        self.buffers = _BatchBuffers(len(X_val), shapes)
        self.scratch = np.empty_like(flat)

    def __call__(self) -> float:
        with np.errstate(all="ignore"):
            return _batch_direction(self.X, self.Y, self.views, self.act, self.scratch,
                                    self.buffers)


def train_general(X, Y, flat, shapes, config: TrainConfig, batch_size: int, rng,
                  monitor: EpochMonitor) -> None:
    """Mini-batch BP with the options of :class:`~chapter5.backprop.BPNetwork`.

    Each batch's step is ``velocity = momentum * velocity + eta_t * direction`` with
    ``direction = -(lam * dE/dp + 2 (1 - lam) p)`` (5.17), then ``p += velocity``; eta_t comes
    from the monitor's learning-rate schedule.
    """
    c = config
    lam, momentum = c.lam, c.momentum
    m = len(X)
    views = layer_views(flat, shapes)
    frozen = np.zeros(flat.size, dtype=bool)  # thresholds are the last row of each block
    if not c.train_thresholds:
        stop = 0
        for n_in, n_out in shapes:
            stop += (n_in + 1) * n_out
            frozen[stop - n_out:stop] = True
    any_frozen = bool(frozen.any())
    direction = np.empty_like(flat)
    velocity = np.zeros_like(flat)
    buffers: dict[int, _BatchBuffers] = {}
    with np.errstate(all="ignore"):
        for ep in range(c.max_epochs):
            rate = monitor.rate(ep)
            if c.shuffle:  # one permuted copy per epoch; batches are then slices (views)
                order = rng.permutation(m)
                Xe, Ye = X[order], Y[order]
            else:
                Xe, Ye = X, Y
            total = 0.0
            for s in range(0, m, batch_size):
                Xb, Yb = Xe[s:s + batch_size], Ye[s:s + batch_size]
                n = len(Xb)
                if n not in buffers:
                    buffers[n] = _BatchBuffers(n, shapes)
                total += _batch_direction(Xb, Yb, views, c.activation, direction,
                                          buffers[n]) * n
                if lam < 1.0:
                    direction *= lam
                    direction -= 2.0 * (1.0 - lam) * flat  # (5.17): weights shrink
                if any_frozen:
                    direction[frozen] = 0.0
                if momentum:
                    velocity *= momentum
                    velocity += rate * direction
                    flat += velocity
                else:
                    direction *= rate
                    flat += direction
            if monitor.end_epoch(ep, total / m):
                return
