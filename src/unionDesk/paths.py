"""Where UnionDesk keeps its files. The one place paths are decided.

Priority: ``--data-dir`` on the command line, then ``UNIONDESK_HOME``, then the platform's
per-user data directory (platformdirs). Tests always pass a ``tmp_path``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from unionDesk import APP_NAME

ENV_HOME = "UNIONDESK_HOME"
DATABASE_NAME = "uniondesk.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    """All locations under one data directory."""

    root: Path

    @property
    def database(self) -> Path:
        """The SQLite database file."""
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        """Folder of automatic and pre-migration backups."""
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        """Folder of log files (tracebacks of unexpected errors)."""
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        """Per-installation preferences (language, window geometry)."""
        return self.root / "settings.ini"

    @property
    def instance_lock(self) -> Path:
        """Lock file held by the running GUI instance."""
        return self.root / "uniondesk.lock"

    def ensure(self) -> AppPaths:
        """Create the data folders if missing; returns self for chaining."""
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> AppPaths:
    """Return the paths for ``data_dir``, or ``UNIONDESK_HOME``, or the platform default."""
    env = os.environ if environ is None else environ
    if data_dir:
        root = Path(data_dir)
    elif env.get(ENV_HOME):
        root = Path(env[ENV_HOME])
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    return AppPaths(root.expanduser().resolve())
