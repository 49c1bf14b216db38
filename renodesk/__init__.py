"""RenoDesk: the offline-first desktop tool of a tenant coach during a renovation."""

from importlib import metadata

try:
    __version__ = metadata.version("renodesk")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
