"""Korean strings: figures_5_1_to_5_4 (see :mod:`chapter5.i18n.ko`)."""

STRINGS: dict[str, str] = {
}
