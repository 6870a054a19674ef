"""Search backends for Wagtail's search (modelsearch), one module per engine family.

The package imports the opensearch-py shim first: every engine module is imported after its package, so the
shim is in place before any of them imports opensearchpy, whatever order their own imports are sorted in.
"""

from . import _opensearchpy  # noqa: F401
