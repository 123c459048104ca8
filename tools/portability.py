"""What `make test` needs to run nbval "on another machine" (issue 14: every printed number the
same on any student's machine).

``python tools/portability.py lowest``
    One ``name==version`` line per runtime dependency of ``pyproject.toml``, at the lowest
    version it declares (``numpy>=2.0`` -> ``numpy==2.0.0``): the constraints of the
    ``.venv-lowest`` environment in which nbval runs a third time. A floor we declare is a floor
    we test; raise it rather than declare one that fails.

``python tools/portability.py simd``
    numpy's dispatched SIMD features (e.g. ``X86_V3 X86_V4`` on numpy 2.4 / x86-64), the value
    for ``NPY_DISABLE_CPU_FEATURES``: with them disabled numpy falls back to its baseline
    kernels (other exp/tanh/sum code paths), as on an older CPU. The names differ between
    numpy versions and CPUs, so they are read from the numpy that will run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FLOOR = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The ``[project] dependencies`` strings of pyproject.toml."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    with pyproject.open("rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def lowest_pin(requirement: str) -> str:
    """``"numpy>=2.0,<3"`` -> ``"numpy==2.0.0"`` (a floor padded to three parts)."""
    m = _FLOOR.match(requirement)
    if m is None:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    name, spec = m.group(1), m.group(2)
    floors = [s.strip()[2:].strip() for s in spec.split(",") if s.strip().startswith(">=")]
    if len(floors) != 1:
        raise ValueError(f"requirement {requirement!r} must declare exactly one floor (>=)")
    parts = floors[0].split(".")
    return f"{name}=={'.'.join(parts + ['0'] * (3 - len(parts)))}"


def simd_features() -> list[str]:
    """numpy's dispatched (non-baseline) CPU features, the names NPY_DISABLE_CPU_FEATURES takes."""
    import numpy as np

    try:
        from numpy._core._multiarray_umath import __cpu_dispatch__
    except ImportError:  # numpy < 2
        from numpy.core._multiarray_umath import __cpu_dispatch__
    del np
    return list(__cpu_dispatch__)


def main(argv: list[str]) -> int:
    if argv == ["lowest"]:
        print("\n".join(lowest_pin(r) for r in runtime_requirements()))
    elif argv == ["simd"]:
        print(" ".join(simd_features()))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
