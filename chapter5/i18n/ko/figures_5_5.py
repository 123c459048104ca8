"""Korean strings: figures_5_5 (see :mod:`chapter5.i18n.ko`)."""

STRINGS: dict[str, str] = {
}
