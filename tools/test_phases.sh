#!/usr/bin/env bash
# `make test`, in two phases that keep both cores of a CI machine busy (issue 16: < 10 min).
#
# The checks are all there; only their order changed. What dominates is CPU: every notebook
# runs eight times (English and Korean; nbval three times, once in the browser). The browser
# tests, though, use about half a core (they mostly wait for JupyterLab, the kernel and
# Chromium), and the two pip installs mostly wait for the network, so those run beside the
# CPU-bound work instead of after it:
#
#   phase 1  unit tests, doctests and nbval (2 workers)    | pip: .venv-lowest, the students'
#            (the kernel-side timing tests run here, on an  |      path in a fresh venv
#            otherwise quiet machine)                       |
#   phase 2  nbval again with Prescott kernels / SIMD off   | the browser tests (JupyterLab,
#            and nbval in .venv-lowest, side by side        | Voila; 2 workers)
#
# A job's log is printed when the job ends (in full if it failed). Called by the Makefile with
# its variables in the environment: MAKE, PY, LOWEST, XDIST, NBVAL, PORTABLE, PYTEST_ARGS,
# SETUP_TEST, BROWSER_XDIST, LOGS.
set -uo pipefail

mkdir -p "$LOGS"
declare -A PIDS
failed=()

start() {  # start NAME COMMAND...: run COMMAND in the background, output to $LOGS/NAME.log
    local name=$1; shift
    ( "$@" ) > "$LOGS/$name.log" 2>&1 &
    PIDS[$name]=$!
}

finish() {  # finish NAME: wait for the job, show its log (the tail if it passed)
    local name=$1 rc
    wait "${PIDS[$name]}"; rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "--- $name: passed (last lines of $LOGS/$name.log)"
        tail -n 3 "$LOGS/$name.log"
    else
        echo "--- $name: FAILED (exit $rc), $LOGS/$name.log:"
        tail -n 300 "$LOGS/$name.log"
        failed+=("$name")
    fi
    return "$rc"
}

step() {  # step NAME COMMAND...: run COMMAND in the foreground
    local name=$1; shift
    echo "=== $name"
    "$@" || failed+=("$name")
}

nbval_portable() {
    env OPENBLAS_CORETYPE=Prescott NPY_DISABLE_CPU_FEATURES="$PORTABLE" \
        "$PY" -m pytest $XDIST $NBVAL -p no:cacheprovider notebooks
}

nbval_lowest() {
    echo "versions: $(tr '\n' ' ' < "$LOWEST/constraints.txt")"
    "$LOWEST/bin/python" -m pytest $XDIST $NBVAL -p no:cacheprovider notebooks
}

t0=$SECONDS
# phase 1
start lowest-venv "$MAKE" --no-print-directory "$LOWEST/.installed"
start students-path "$PY" -m pytest -q -p no:cacheprovider "$SETUP_TEST"
step "unit tests, doctests, nbval" \
    "$PY" -m pytest $XDIST $NBVAL tests notebooks chapter5 --doctest-modules \
    -m "not browser" --deselect "$SETUP_TEST" $PYTEST_ARGS
echo "(phase 1: $((SECONDS - t0)) s)"

# phase 2
echo "=== browser tests, nbval on other kernels and in the lowest versions (side by side)"
start browser "$PY" -m pytest $BROWSER_XDIST -p no:cacheprovider -m browser tests/browser \
    $PYTEST_ARGS
start nbval-portable nbval_portable
finish lowest-venv && start nbval-lowest nbval_lowest
finish nbval-portable
[ -z "${PIDS[nbval-lowest]:-}" ] || finish nbval-lowest
finish browser
finish students-path
echo "(make test: $((SECONDS - t0)) s after lint)"

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "every check passed"
