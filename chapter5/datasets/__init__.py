"""Small data sets the chapter uses, generated or shipped inside the package (no downloads).

One module per kind, every name re-exported here (``from chapter5.datasets import X``):

- :mod:`~chapter5.datasets.logic`: the logic gates of §5.1-5.2 (truth tables as ``(X, y)``)
  with a name for every Boolean function of two inputs;
- :mod:`~chapter5.datasets.points`: linearly separable point sets, toy 2-D classification sets,
  Gaussian blobs and the ART replay's sample orders;
- :mod:`~chapter5.datasets.tables`: the book's watermelon data sets 3.0 and 3.0α and the UCI
  Iris and Breast Cancer Wisconsin tables, read from the CSV files in ``chapter5/data`` (UTF-8,
  Chinese as in the book);
- :mod:`~chapter5.datasets.sequences`: Elman's (1990) sequences (temporal XOR, the letter task)
  and yardsticks for a network predicting them;
- :mod:`~chapter5.datasets.dashboard_data`: the data behind each dashboard, by its menu names.

The two spirals and bars-and-stripes are generated where their networks live and re-exported.
"""

from .logic import BOOLEAN_FUNCTIONS, GATES, binary_inputs, logic_gate, name_boolean_function
from .points import ART_SEQUENCES, TOY_SETS, art_sequence, blobs_2d, linearly_separable, toy_2d
from .sequences import (
    ELMAN_SYLLABLES,
    LETTERS,
    error_by_position,
    letter_sequence,
    lookup_table_errors,
    next_step_pairs,
    one_hot,
    temporal_xor,
)
from .tables import (
    WATERMELON_ATTRIBUTES,
    WATERMELON_CONTINUOUS,
    WATERMELON_TRAIN,
    WATERMELON_VALIDATION,
    TableData,
    Watermelon,
    breast_cancer,
    iris,
    watermelon_3_0,
    watermelon_3_0_alpha,
)

# --- Generated where their networks live (imported last: those modules import this package) --
# isort: split
from ..networks.boltzmann import bars_and_stripes
from ..networks.cascade import two_spirals
from .dashboard_data import (
    ART_DATASETS,
    CASCADE_DATASETS,
    PLAYGROUND_DATASETS,
    RBF_DATASETS,
    REPLAY_DATASETS,
    SOM_DATASETS,
    art_data,
    cascade_data,
    playground_data,
    rbf_data,
    replay_data,
    som_data,
)

__all__ = [
    "ART_DATASETS",
    "ART_SEQUENCES",
    "BOOLEAN_FUNCTIONS",
    "CASCADE_DATASETS",
    "ELMAN_SYLLABLES",
    "GATES",
    "LETTERS",
    "PLAYGROUND_DATASETS",
    "RBF_DATASETS",
    "REPLAY_DATASETS",
    "SOM_DATASETS",
    "TOY_SETS",
    "WATERMELON_ATTRIBUTES",
    "WATERMELON_CONTINUOUS",
    "WATERMELON_TRAIN",
    "WATERMELON_VALIDATION",
    "TableData",
    "Watermelon",
    "art_data",
    "art_sequence",
    "bars_and_stripes",
    "binary_inputs",
    "blobs_2d",
    "breast_cancer",
    "cascade_data",
    "error_by_position",
    "iris",
    "letter_sequence",
    "linearly_separable",
    "logic_gate",
    "lookup_table_errors",
    "name_boolean_function",
    "next_step_pairs",
    "one_hot",
    "playground_data",
    "rbf_data",
    "replay_data",
    "som_data",
    "temporal_xor",
    "toy_2d",
    "two_spirals",
    "watermelon_3_0",
    "watermelon_3_0_alpha",
]
