"""Where UnionDesk keeps its files. The one place paths are decided.

Priority: ``--data-dir`` on the command line, then ``UNIONDESK_HOME``, then portable mode, then
the platform's per-user data directory (platformdirs). Tests always pass a ``tmp_path``.

Portable mode (for a USB stick) is on with ``--portable``, or when a file ``portable.txt`` lies
beside the program: beside ``UnionDesk.exe`` for the frozen (PyInstaller) build, and beside the
``uniondesk`` launcher script (for example ``.venv/bin``) when run from source; the source
checkout's root is never looked at. All data then lives in ``UnionDeskData`` beside the program.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from unionDesk import APP_NAME

ENV_HOME = "UNIONDESK_HOME"
DATABASE_NAME = "uniondesk.sqlite3"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "UnionDeskData"


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
    def identity(self) -> Path:
        """Folder of the union's signing identity (passphrase-encrypted PKCS#12 and its cert)."""
        return self.root / "identity"

    @property
    def returns(self) -> Path:
        """Default folder the app saves returns (报表) into."""
        return self.root / "returns"

    @property
    def outbox(self) -> Path:
        """Folder of the packages waiting to be (or already) uploaded, one folder per package."""
        return self.root / "outbox"

    @property
    def instance_lock(self) -> Path:
        """Lock file held by the running GUI instance."""
        return self.root / "uniondesk.lock"

    def ensure(self) -> AppPaths:
        """Create the data folders if missing; returns self for chaining."""
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def program_folder() -> Path:
    """The folder of the running program: the frozen executable's, else the launcher script's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0] or sys.executable).resolve().parent


def portable_root(program: Path | None = None) -> Path:
    """Where portable mode keeps its data: ``UnionDeskData`` beside the program."""
    return (program or program_folder()) / PORTABLE_FOLDER


def is_portable(program: Path | None = None) -> bool:
    """Whether a ``portable.txt`` marker lies beside the program."""
    return ((program or program_folder()) / PORTABLE_MARKER).is_file()


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    portable: bool = False,
    program: Path | None = None,
) -> AppPaths:
    """Return the paths for ``data_dir``, or ``UNIONDESK_HOME``, or portable mode, or the default.

    Args:
        data_dir: ``--data-dir``; wins over everything.
        environ: the environment (``os.environ`` when None).
        portable: ``--portable`` was given.
        program: the program's folder (``program_folder()`` when None; tests pass one).
    """
    env = os.environ if environ is None else environ
    if data_dir:
        root = Path(data_dir)
    elif env.get(ENV_HOME):
        root = Path(env[ENV_HOME])
    elif portable or is_portable(program):
        root = portable_root(program)
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    return AppPaths(root.expanduser().resolve())
