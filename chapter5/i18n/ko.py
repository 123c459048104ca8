"""Korean strings: English key -> 한국어 (see :mod:`chapter5.i18n`). Filled by issue 16."""

STRINGS: dict[str, str] = {}
