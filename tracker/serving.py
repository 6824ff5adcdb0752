"""The production server: gunicorn with threaded workers, shared by `tracker serve` and the
load benchmark (so the benchmark's static ceiling runs through the same server settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def run_gunicorn(
    app: Any, host: str, port: int, workers: int, control_socket: Path | None = None
) -> None:
    """Serve a WSGI app with gunicorn until it is stopped.

    Without `control_socket` gunicorn opens none: its default path in the home directory would
    be shared, and removed, by every server started on the machine.
    """
    from gunicorn.app.base import BaseApplication

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            # Threaded workers keep signalling that they are alive while a thread streams a
            # long export; a sync worker would be killed mid-download after `timeout` seconds.
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", 4)
            if control_socket is None:
                self.cfg.set("control_socket_disable", True)
            else:
                self.cfg.set("control_socket", str(control_socket))

        def load(self) -> Any:
            return app

    _Server().run()
