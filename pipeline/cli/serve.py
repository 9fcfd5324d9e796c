"""`sorot serve`: the review dashboard for communications staff (read the published warehouse, store actions)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, config_from

ORDER = 80


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the review dashboard in a browser (needs `sorot users add`)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--secure-cookies", action="store_true",
                       help="always mark cookies Secure (behind a TLS proxy that does not send X-Forwarded-Proto)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="proxies trusted for X-Forwarded-Proto/For (default: 127.0.0.1)")
    serve.set_defaults(handler=_cmd_serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sorot.dashboard.app import create_app
    from sorot.dashboard.store import StaffStore, store_path

    config = config_from(args)
    if not config.paths.published.exists():
        raise FileNotFoundError(config.paths.published)
    if not StaffStore(store_path(config.data_dir)).users():
        print("sorot: no account yet; create one with `sorot users add NAME --role admin`")
    app = create_app(config.data_dir, secure_cookies=args.secure_cookies)
    print(f"Sorot dashboard on http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    uvicorn.run(app, host=args.host, port=args.port, proxy_headers=True,
                forwarded_allow_ips=args.forwarded_allow_ips, log_level="info", server_header=False)
    return EXIT_OK
