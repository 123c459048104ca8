"""Korean strings: live retraining of the SOM, RBF, perceptron and descent dashboards (see
:mod:`chapter5.i18n.ko`; issue 17).

The status line of a SOM still training (:func:`chapter5.widgets.som_explorer`), shown above
the picture while the map unfolds.
"""

STRINGS: dict[str, str] = {
    "⏳ <b>training</b>: t = {t} of {T} updates:  η(t) = {eta:.3g},  σ(t) = {sigma:.2f},  "
    "quantization error {qe:.4f}":
        "⏳ <b>학습 중</b>: 갱신 t = {t}/{T}:  η(t) = {eta:.3g},  σ(t) = {sigma:.2f},  "
        "양자화 오차 {qe:.4f}",
}
