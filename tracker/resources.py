"""Where the app's own files are, found the same way from a checkout, an editable install and an
installed wheel.

templates/ and migrations/ sit at the top level of the repository; the wheel ships them inside
the package (setup.py maps them to tracker/templates and tracker/migrations). translations/ and
web/static/ are inside the package everywhere.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder `name` ("templates", "migrations", "translations", "web/static"): inside the
    package when it is there (an installed wheel), else beside the package (a checkout or an
    editable install). FileNotFoundError names both places when neither has it."""
    for folder in (PACKAGE / name, PACKAGE.parent / name):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(
        f"the tracker's {name}/ folder is missing: neither {PACKAGE / name} nor "
        f"{PACKAGE.parent / name} exists; reinstall the package"
    )
