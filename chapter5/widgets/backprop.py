"""Dashboards for notebook 5.3: the worked example step by step, and BP on XOR replayed."""

from __future__ import annotations

import html

import ipywidgets as widgets

from .._bp_fast import unflatten
from ..backprop import BPNetwork
from ..datasets import logic_gate
from ..i18n import language, tr
from ..plots.backprop import MAZUR_STAGES, BPTrainingView, MazurStepView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import Live

__all__ = ["bp_xor_trainer", "mazur_stepper"]

# the trace stages shown in the table beside each picture stage
_TABLE_STAGES = {0: (), 1: ("forward",), 2: ("forward", "error"), 3: ("output deltas",),
                 4: ("output gradients", "output updates"), 5: ("hidden deltas",),
                 6: ("hidden gradients", "hidden updates"), 7: ("after",)}


def _mazur_name(name: str) -> str:
    """Mazur's name of a quantity, as in his post; "(script)" (his first script's value) is
    a word, translated."""
    if name.endswith(" (script)"):
        return name[:-len(" (script)")] + tr(" (script)")
    return name


def _trace_table(trace, stage: int) -> str:
    rows = [r for r in trace if r.stage in _TABLE_STAGES[stage]]
    if not rows:
        return ("<p style='font-size:14px'>"
                + tr("Press <b>next</b> to run the forward pass.") + "</p>")
    # Mazur's names (net_h1, dE/dw5, ...) stay as in his post: the column is headed "Mazur"
    # cell padding inline, not in a <style> element: its CSS would be text beside the table
    pad = "padding:1px 8px"
    body = "".join(f"<tr><td style='{pad}'>{html.escape(_mazur_name(r.name))}</td>"
                   f"<td style='{pad}'>{html.escape(r.symbol)}</td>"
                   f"<td style='{pad};text-align:right'>{r.value:.9f}</td>"
                   f"<td style='{pad}'>{tr('def.') if r.equation == 'def.' else r.equation}"
                   "</td></tr>"
                   for r in rows)
    return ("<table class='chapter5-trace' style='font-size:13px'>"
            f"<tr><th style='{pad}'>Mazur</th><th style='{pad}'>{tr('book')}</th>"
            f"<th style='{pad}'>{tr('value')}</th><th style='{pad}'>{tr('eq.')}</th></tr>"
            f"{body}</table>")


MAZUR_CONTROLS = Controls(
    Spec("stage", "int", 0, lo=0, hi=len(MAZUR_STAGES) - 1, label="stage", continuous=True,
         width="380px",
         doc="The stage shown: 0 the published weights; 1, 2 the forward pass (hidden "
             "layer, then output and error); 3 the output terms g_j; 4 the update of w_hj; "
             "5 the hidden terms e_h; 6 the update of v_ih; 7 the forward pass with the new "
             "weights.",
         tooltip="the stage of the BP update shown"),
)


@MAZUR_CONTROLS.builder
def mazur_stepper(stage: int) -> Dashboard:
    """One standard-BP update of Mazur's worked example, one stage per click.

    Stages: the forward pass (hidden, then output and error), the output terms g_j (5.10), the
    update of w_hj (5.11), the hidden terms e_h (5.15, with the old w_hj), the update of v_ih
    (5.13), and the new, smaller error. Values are drawn on the network; the table beside lists
    the stage's quantities with Mazur's names and the book's symbols.

    Parameters
    ----------
    {controls}
    """
    controls = MAZUR_CONTROLS.widgets(locals())
    slider = controls["stage"]
    view = MazurStepView()
    table = widgets.HTML()

    def render(stage):
        result = view.update(stage)
        table.value = _trace_table(view.trace, stage)
        return result

    # pictures as Font Awesome icons, not as characters a font may lack (U+25B6 ...)
    back = widgets.Button(description=tr("back"), icon="step-backward",
                          tooltip=tr("the previous stage"), layout=widgets.Layout(width="90px"))
    nxt = widgets.Button(description=tr("next"), icon="step-forward", button_style="info",
                         tooltip=tr("the next stage"), layout=widgets.Layout(width="90px"))
    back.on_click(lambda _b: setattr(slider, "value", max(slider.min, slider.value - 1)))
    nxt.on_click(lambda _b: setattr(slider, "value", min(slider.max, slider.value + 1)))

    def layout(image):
        return [widgets.HBox([back, nxt, slider]), widgets.HBox([image, table])]

    d = Dashboard("mazur_stepper", controls, view, render, layout_children=layout,
                  css_class="chapter5-mazur-stepper")
    d.buttons = {"back": back, "next": nxt}
    return d


XOR_EPOCHS = 3000
XOR_RECORD_EVERY = 10


_XOR_STYLE = {"description_width": "5em"}
_XOR_STYLE_KO = {"description_width": "6em"}  # "은닉 유닛 q" needs ~5 em of Hangul
XOR_CONTROLS = Controls(
    Spec("eta", "log", 1.0, lo=-2, hi=1.5, step=0.25, label="η", readout_format=".3g",
         tooltip="learning rate η: retrains"),
    Spec("hidden", "int", 2, lo=1, hi=8, label="hidden q", doc="Hidden units q.",
         tooltip="hidden units q: retrains"),
    Spec("mode", "choice", "standard", options=("standard", "accumulated"), label="BP",
         doc="Standard BP (one update per sample) or accumulated BP (one per epoch, (5.16)).",
         tooltip="standard or accumulated BP: retrains"),
    Spec("activation", "choice", "sigmoid", options=("sigmoid", "tanh", "relu"),
         label="hidden f", doc="The hidden units' activation; the output unit is a sigmoid.",
         tooltip="the hidden units' activation: retrains"),
    Spec("seed", "int", 0, lo=0, hi=9, label="seed",
         doc="The random initial weights (uniform in (0, 1), Fig. 5.8).",
         tooltip="the random initial weights: retrains"),
    Spec("epoch", "int", XOR_EPOCHS, lo=0, hi=XOR_EPOCHS, step=XOR_RECORD_EVERY,
         label="epoch", continuous=True, width="660px",
         doc=f"The epoch shown; snapshots are kept every {XOR_RECORD_EVERY} epochs, so it is "
             f"rounded down to a multiple of {XOR_RECORD_EVERY}.",
         tooltip="the epoch shown: replays the recorded run"),
)


@XOR_CONTROLS.builder
def bp_xor_trainer(eta, hidden, mode, activation, seed, epoch) -> Dashboard:
    """Train a 2-q-1 network on XOR once, then scrub its epochs.

    Changing η, q, the mode, the hidden activation or the seed retrains (3000 epochs, a
    snapshot every 10); the epoch slider replays the recorded parameters. Left: the network's
    output over the input plane; right: the error E per epoch (log scale). A learning rate
    that blows the weights up is reported as divergence, with the epoch.

    Parameters
    ----------
    {controls}
    """
    epoch -= epoch % XOR_RECORD_EVERY
    style = _XOR_STYLE if language() == "en" else _XOR_STYLE_KO
    controls = XOR_CONTROLS.widgets(locals(), style=style, width="330px")
    X, y = logic_gate("xor")
    view = BPTrainingView()
    state: dict = {}

    def run_key(values):
        return tuple(values[k] for k in ("eta", "hidden", "mode", "activation", "seed"))

    def train(values, callback=None):
        return BPNetwork(hidden=(values["hidden"],), eta=values["eta"], mode=values["mode"],
                         activation=values["activation"], max_epochs=XOR_EPOCHS,
                         record_every=XOR_RECORD_EVERY, random_state=values["seed"]
                         ).fit(X, y, callback=callback)

    def store(values, net):
        state.update(key=run_key(values), net=net)
        load()

    def load():
        """Put the stored run in the view (again after frames of a cancelled live training,
        when a change returns to the stored setting)."""
        view.set_run(X, y, state["net"].loss_curve_, state["key"])
        state["loaded"] = True

    def title(eta, hidden, mode, activation, seed):
        return tr("{mode} BP, 2-{q}-1 network, {activation} hidden units, η = {eta:.3g}, "
                  "seed {seed}").format(mode=tr(mode), q=hidden, activation=tr(activation),
                                        eta=eta, seed=seed)

    def preview(values, snap):
        """A frame of a live training: the weights so far and the error curve growing."""
        state["loaded"] = False  # the view shows this training now, not the stored run
        if snap is None:  # the start: the initial weights, before the first epoch
            Ws, ts = BPNetwork(hidden=(values["hidden"],), random_state=values["seed"]
                               ).initial_parameters(2)
            losses, epoch = [], 0
        else:
            shapes = [(2, values["hidden"]), (values["hidden"], 1)]
            Ws, ts = unflatten(snap.params, shapes)
            losses, epoch = snap.losses, snap.epoch
        view.set_run(X, y, losses, ("live", values["hidden"]), planned=XOR_EPOCHS)
        status = tr("training: epoch {epoch} of {n}").format(epoch=epoch, n=XOR_EPOCHS)
        if losses:
            status += tr(", E = {E:.2e}").format(E=losses[-1])
        view.show(Ws, ts, values["activation"], epoch, status,
                  title(**{k: values[k] for k in ("eta", "hidden", "mode", "activation",
                                                  "seed")}))
        dashboard.follow("epoch", epoch - epoch % XOR_RECORD_EVERY)  # the slider follows
        return {"epoch": epoch, "training": True}

    def render(eta, hidden, mode, activation, seed, epoch):
        values = locals()
        if state.get("key") != run_key(values):
            store(values, train(values))
        elif not state["loaded"]:
            load()
        net = state["net"]
        h = net.history_
        i = h.locate(epoch)  # the last snapshot at or before the epoch asked for
        Ws, ts = h.parameters(i)
        shown = int(h.epochs[i])
        probe = BPNetwork.from_parameters(Ws, ts, activation=activation)
        acc = probe.score(X, y)
        E = probe.error(X, y)
        if net.diverged_:
            status = tr("diverged at epoch {epoch}: the weights blew up\n(η = {eta:.3g} is too "
                        "large); showing the last finite weights").format(
                epoch=net.diverged_at_ + 1, eta=eta)
        else:
            status = tr("epoch {epoch}: E = {E:.2e}, accuracy {right:.0f}/4").format(
                epoch=shown, E=E, right=acc * 4)
        view.show(Ws, ts, activation, shown, status, title(eta, hidden, mode, activation, seed))
        return {"net": net, "epoch": shown, "E": E, "accuracy": acc,
                "diverged": net.diverged_}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["eta"], c["hidden"], c["seed"]]),
                              widgets.VBox([c["mode"], c["activation"]])]),
                c["epoch"], image]

    live = Live(key=run_key, cached=lambda key: state.get("key") == key, train=train,
                store=store, preview=preview, warm=lambda: view.prepare_live(XOR_EPOCHS))
    dashboard = Dashboard("bp_xor_trainer", controls, view, render, layout_children=layout,
                          css_class="chapter5-bp-xor", live=live)
    return dashboard
