"""Build hook: an installed wheel carries resources/, database/ and the licence texts.

The project is declared in pyproject.toml. In a source checkout (or an editable install)
RenoDesk finds resources/ and database/ beside the package; a wheel has no checkout, so
this copies them into ``renodesk/_shipped/`` (see ``renodesk.paths.shipped_dir``). A server
installed with ``pip install renodesk[server]`` finds its migrations there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = {
    "resources": HERE / "resources",
    "database": HERE / "database",
    "licenses": HERE / "packaging" / "licenses",
}
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads them from the checkout
        target = Path(self.build_lib) / "renodesk" / "_shipped"
        for name, source in SHIPPED.items():
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing; build from a full checkout")
            shutil.copytree(source, target / name, ignore=LEFT_OUT, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithShippedFiles})
