"""thinc's CPU matrix products through NumPy's BLAS instead of BLIS.

The small English pipeline spends most of its time in matrix products (the maxout layers of
its two token encoders), which thinc hands to BLIS.  On the machines eventdesk is measured on,
the OpenBLAS that NumPy ships picks kernels for the CPU at run time and multiplies these
shapes 1.4-1.6x faster on one thread (126-144 against 91-93 GFLOPS, 300-4,000 rows of 96-288
columns).  Results differ from BLIS's in the last bits of a float (1e-6).

Worker processes run BLAS on one thread (``workers``): they already keep every core busy.
The process that loads the models is left as it is (an application embedding eventdesk keeps
its own BLAS settings).
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps


class NumpyBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul``."""

    name = "numpy"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_numpy_blas(nlp: Any) -> None:
    """Make every model of ``nlp`` (disabled components too) multiply through NumPy's BLAS."""
    ops = NumpyBlasOps()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
