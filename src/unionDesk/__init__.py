"""UnionDesk (工会台账): offline-first registers and returns for grassroots trade unions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("uniondesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "UnionDesk"
