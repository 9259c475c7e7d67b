"""Names a package offers from its modules, imported on first use (PEP 562).

``snb.models`` and ``snb.widgets`` offer every chapter's functions; importing them all
up front would make each page pay for every chapter's modules.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, tuple[str, ...]], modules: tuple[str, ...] = ()
                 ) -> tuple[list[str], dict[str, str], Callable[[str], Any], Callable[[], list[str]]]:
    """``__all__``, the module of each name, ``__getattr__`` and ``__dir__`` for ``package``.

    ``exports`` lists, by module, the names the package offers; ``modules`` are
    modules it offers as a whole. A name that is also the name of its own module
    (``models.outreach``) is bound at once: importing the module later would
    otherwise make the package's attribute the module.
    """
    where = {name: module for module, names in exports.items() for name in names}
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        if name in where:
            value = getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        elif name in modules:
            value = importlib.import_module(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where) | set(modules))

    for name, module in where.items():
        if name == module:
            namespace[name] = getattr(importlib.import_module(f"{package}.{module}"), name)
    return [*where, *modules], where, __getattr__, __dir__
