"""The registry of main-window pages, in navigation order: the one place pages are listed.

Each entry names a module of ``renodesk.ui.pages`` that defines ``PAGE``, a
:class:`~renodesk.ui.pages.base.Page` subclass. A module that is not there (an
area not built yet) is simply left out of the navigation: there are no
placeholder pages. Pages with ``in_navigation = False`` (a household's profile)
are reachable only through ``context.navigate(key, argument)``.
"""

from __future__ import annotations

import importlib
import logging

from renodesk.ui.pages.base import Page, PageContext

__all__ = ["REGISTRY", "Page", "PageContext", "available_pages"]

log = logging.getLogger(__name__)

REGISTRY: tuple[str, ...] = (
    "today",        # Vandaag
    "projects",     # Projecten
    "households",   # Huishoudens
    "household",    # a household's profile (not in the navigation)
    "visits",       # Bezoeken
    "adjustments",  # Afspraken (maatwerkafspraken)
    "actions",      # Acties
    "guidance",     # Handvatten
    "letters",      # Brieven
    "sync",         # Synchronisatie
    "dashboard",    # Projectoverzicht
    "privacy",      # Privacy (inzage, verwijderen, bewaartermijn)
)


def available_pages() -> list[type[Page]]:
    """The page classes whose modules exist, in registry order."""
    found: list[type[Page]] = []
    for name in REGISTRY:
        module_name = f"{__name__}.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise  # the page exists but something it imports is missing: a real bug
            continue
        page = getattr(module, "PAGE", None)
        if not (isinstance(page, type) and issubclass(page, Page)):
            raise TypeError(f"{module_name} must define PAGE, a Page subclass")
        found.append(page)
    return found
