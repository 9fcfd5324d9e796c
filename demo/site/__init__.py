"""The offline replica of the demo news network (ANTARA Kalteng, detik, CNN Indonesia), for `sorot demo`
and tests.

The names are loaded on first use, so `python -m sorot.demo.site.server` runs the server module once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sorot.demo.site.server import PortInUseError, ReplicaServer, serve_forever

__all__ = ["PortInUseError", "ReplicaServer", "serve_forever"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sorot.demo.site import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
