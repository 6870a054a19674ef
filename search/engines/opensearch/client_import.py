"""Import opensearch-py despite the name clash with our `events` app.

opensearch-py 2.x does `from events import Events` (the PyPI package "Events") in opensearchpy.metrics; the
project's own `events` app shadows it, so a plain `import opensearchpy` fails with ImportError. This loads the
PyPI module under the name `events` just while opensearchpy is imported, then restores the app's module.
"""

import importlib.util
import sys
from pathlib import Path


def _event_modules():
    return {k: v for k, v in sys.modules.items() if k == "events" or k.startswith("events.")}


def ensure_imported():
    if "opensearchpy.metrics.metrics_events" in sys.modules:
        return
    site = Path(importlib.util.find_spec("opensearchpy").origin).parent.parent
    init = site / "events" / "__init__.py"
    saved = _event_modules()
    for name in saved:
        del sys.modules[name]
    try:
        if init.exists():
            spec = importlib.util.spec_from_file_location("events", init, submodule_search_locations=[str(init.parent)])
            module = importlib.util.module_from_spec(spec)
            sys.modules["events"] = module
            spec.loader.exec_module(module)
        import opensearchpy  # noqa: F401
        import opensearchpy.metrics.metrics_events  # noqa: F401
    finally:
        for name in _event_modules():
            del sys.modules[name]
        sys.modules.update(saved)


ensure_imported()
