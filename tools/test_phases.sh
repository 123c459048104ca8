#!/usr/bin/env bash
# `make test`, scheduled so that both cores of a CI machine stay busy (issue 16: < 10 min).
#
# Every check is there; only the order changed. What costs is CPU (~14 core-minutes): every
# notebook runs four times (English and Korean; nbval once, and once in JupyterLab), and the
# browser tests keep ~1.7 cores busy (kernels, Chromium). So the jobs are packed to keep both
# cores busy from the first second to the last:
#
#   0. lint (which builds .venv)                      | pip: .venv-lowest
#   1. the tests that time a dashboard against the 100 ms budget (tests/test_live*.py), one
#      at a time                                        | pip: the students' path in a
#   2. unit tests and doctests (2 workers)              |      fresh venv
#                                                       | the browser tests (JupyterLab,
#                                                       | Voila; 2 workers) and nbval in
#                                                       | .venv-lowest (2 workers)
#
# Every notebook's text outputs are compared with the committed ones twice, in two different
# environments, and each run of a notebook is also a portability check (issue 14):
# - the browser tests, in .venv (today's versions, this machine's arithmetic): JupyterLab's
#   kernels run every notebook, and tests/browser/outputs.py compares their outputs as nbval
#   does;
# - nbval in .venv-lowest (the lowest numpy, matplotlib and ipywidgets pyproject.toml
#   declares) with another machine's arithmetic (OpenBLAS forced to an old CPU's kernels,
#   numpy's SIMD dispatch off).
# A number that moves with the versions, or with the CPU, fails the second; one that moves
# with neither but differs from the committed outputs (a change nobody re-ran `make notebooks`
# for) fails both. To tell versions from CPU when the second fails, run nbval in .venv-lowest
# without OPENBLAS_CORETYPE and NPY_DISABLE_CPU_FEATURES, or in .venv with them.
#
# The pip jobs run at the idle scheduling class (chrt --idle, else nice 19): they take a core
# only when nothing else wants it, so they fill the cores lint and the timed tests leave idle
# without slowing those down. Whatever of them is left runs at the normal priority once it is
# needed (.venv-lowest after step 1, the students' path after step 2): an idle-class job gets
# no CPU while the steps keep both cores busy (one run waited 11 minutes for .venv-lowest).
#
# Bytecode: about 200 Python processes (kernels, workers) import the same modules. pip installs
# without compiling (the Makefile's NO_COMPILE) and the Makefile unexports PYTHONDONTWRITEBYTECODE,
# so the first process to import a module compiles and keeps it, and the others read it.
#
# A background job's log is printed when it ends (in full if it failed). Called by the Makefile
# with its variables in the environment: MAKE, PY, LOWEST, XDIST, UNIT_XDIST, NBVAL,
# PORTABILITY, PYTEST_ARGS, SETUP_TEST, BROWSER_XDIST, LOGS.
set -uo pipefail

mkdir -p "$LOGS"
declare -A PIDS
failed=()

start() {  # start NAME COMMAND...: run COMMAND in the background, output to $LOGS/NAME.log
    local name=$1; shift
    rm -f "$LOGS/$name.done"
    ( "$@"; rc=$?; touch "$LOGS/$name.done"; exit $rc ) > "$LOGS/$name.log" 2>&1 &
    PIDS[$name]=$!
}

after() {  # after NAME COMMAND...: run COMMAND once the background job NAME has ended
    local name=$1; shift
    until [ -e "$LOGS/$name.done" ]; do sleep 1; done
    "$@"
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

idle() {  # idle COMMAND...: run COMMAND at the idle scheduling class (children inherit it)
    if chrt --idle 0 true 2>/dev/null; then
        chrt --idle 0 "$@"
    else
        nice -n 19 "$@"
    fi
}

promote() {  # promote NAME: job NAME, if it still runs, back to the normal scheduling class
    # (an idle-class job gets no CPU at all while the other steps keep both cores busy: a pip
    # job still running when they start would otherwise wait for the end, and hold it up)
    local queue=("${PIDS[$1]}") p
    while [ ${#queue[@]} -gt 0 ]; do
        p=${queue[0]}
        queue=("${queue[@]:1}")
        chrt --other -p 0 "$p" 2>/dev/null || renice -n 0 -p "$p" > /dev/null 2>&1
        # shellcheck disable=SC2207  # pids, one per line
        queue+=($(ps -o pid= --ppid "$p" 2>/dev/null))
    done
}

step() {  # step NAME COMMAND...: run COMMAND in the foreground
    local name=$1; shift
    echo "=== $name"
    "$@" || failed+=("$name")
}

another_machine() {  # another_machine COMMAND...: COMMAND with an old CPU's arithmetic
    env OPENBLAS_CORETYPE=Prescott NPY_DISABLE_CPU_FEATURES="$PORTABLE" "$@"
}

nbval_lowest() {  # the SIMD features to switch off are named by the numpy that runs
    local PORTABLE
    PORTABLE=$("$LOWEST/bin/python" $PORTABILITY) || return 1
    echo "versions: $(tr '\n' ' ' < "$LOWEST/constraints.txt")"
    echo "another machine: OPENBLAS_CORETYPE=Prescott NPY_DISABLE_CPU_FEATURES=\"$PORTABLE\""
    another_machine "$LOWEST/bin/python" -m pytest $XDIST $NBVAL -p no:cacheprovider notebooks
}

TIMED='tests/test_live*.py'

t0=$SECONDS
start lowest-venv idle "$MAKE" --no-print-directory "$LOWEST/.installed"
trap 'kill $(jobs -p) 2>/dev/null' EXIT
"$MAKE" --no-print-directory lint || exit 1
echo "(lint: $((SECONDS - t0)) s)"
start students-path idle "$PY" -m pytest -q -p no:cacheprovider "$SETUP_TEST"
# one test at a time and nothing beside them: a live dashboard trains in one thread while it
# draws in another, so two at once on two cores would measure each other
# shellcheck disable=SC2086  # the glob and the option lists are meant to split
step "the first-picture budgets (tests/test_live*.py)" \
    "$PY" -m pytest -p no:xdist -p no:cacheprovider $TIMED $PYTEST_ARGS
echo "(step 1: $((SECONDS - t0)) s)"
# nbval at the lowest versions needs .venv-lowest: if pip is still building it, it builds on
# at the normal priority from now on (the students' path can wait until step 2 ends)
promote lowest-venv

# step 2: the unit tests, with the browser tests and nbval in .venv-lowest beside them: three
# jobs on two cores, so that a core one of them leaves idle (the browser tests wait for pages,
# a worker ends its last files) has work
start browser "$PY" -m pytest $BROWSER_XDIST -p no:cacheprovider -m browser tests/browser \
    $PYTEST_ARGS
start nbval-lowest after lowest-venv nbval_lowest
# the unit tests need no order (make check spreads them one by one): each worker takes a run
# of tests, then steals from the other's remaining ones, so both end together
step "unit tests and doctests (the browser tests and nbval-lowest run beside them)" \
    "$PY" -m pytest $UNIT_XDIST tests chapter5 --doctest-modules -m "not browser" \
    --ignore-glob="$TIMED" --deselect "$SETUP_TEST" $PYTEST_ARGS
echo "(step 2: $((SECONDS - t0)) s)"
promote students-path

echo "=== nbval at the lowest versions, on another machine's arithmetic (beside step 2)"
finish lowest-venv
finish nbval-lowest
echo "(step 3: $((SECONDS - t0)) s)"
finish browser
finish students-path
echo "(make test: $((SECONDS - t0)) s)"

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "every check passed"
