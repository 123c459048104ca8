"""Korean strings: live retraining of the §5.5 dashboards (see :mod:`chapter5.i18n.ko`;
issue 17).

The status lines of a run still training, drawn above the picture while it streams in: the
RBM explorer's (:func:`chapter5.widgets.rbm_explorer`, after "training: epoch {epoch} of
{n}", whose translation is shared with the BP XOR trainer) and the cascade-correlation
network's as it grows (:func:`chapter5.widgets.cascade_growth`). The Elman explorer's status
line reuses the BP XOR trainer's words only.
"""

STRINGS: dict[str, str] = {
    ", mean ln P(v) = {ll:.3f}": ", 평균 ln P(v) = {ll:.3f}",
    "growing: {k} hidden units so far, {epochs} epochs":
        "성장 중: 지금까지 은닉 유닛 {k}개, {epochs} 에폭",
}
