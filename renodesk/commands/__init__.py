"""Subcommands of the ``renodesk`` command line, one module per area (see renodesk.cli)."""
