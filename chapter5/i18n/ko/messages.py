"""Korean strings: messages (see :mod:`chapter5.i18n.ko`)."""

STRINGS: dict[str, str] = {
}
