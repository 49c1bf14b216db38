"""Qt Linguist translations: Dutch by default, English as the source language.

Source strings are English (``self.tr("Households")``); each area keeps its own
Dutch file ``resources/i18n/<area>_nl.ts``, built to ``.qm`` by
``python -m renodesk.ui.i18n_build``. Changing the language takes effect at once:
the main window rebuilds its pages in the new language.

English needs a translation file too, for counts only: a source says
``"%n household(s)"`` and ``resources/i18n/plurals_en.ts`` turns it into "1 household"
or "2 households".

``RENODESK_PSEUDO=1`` swaps in a stretched pseudo-language (every text about 40%
longer, with accents) to catch labels that clip.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from renodesk.core import i18n as core_i18n
from renodesk.paths import APP_NAME, resources_dir

log = logging.getLogger(__name__)

ENV_PSEUDO = "RENODESK_PSEUDO"
_ACCENTS = str.maketrans("aeiouAEIOUcnyCNY", "áéîõüÁÉÎÕÜçñýÇÑÝ")
_KEEP = re.compile(r"(%n|%L?\d+|<[^>]*>|&\w+;)")


class PseudoTranslator(QTranslator):
    """Stretches every text so too-narrow layouts show up in screenshots."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if not source:
            return source
        padding = "~" * max(2, len(source) * 2 // 5)
        # Placeholders (%n, %1) and markup keep their letters, or Qt cannot fill them in.
        parts = _KEEP.split(source)
        stretched = "".join(part if index % 2 else part.translate(_ACCENTS)
                            for index, part in enumerate(parts))
        return f"[{stretched}{padding}]"

    def isEmpty(self) -> bool:
        return False


def compiled_translations(folder: Path, language: str) -> list[Path]:
    """The .qm files of ``language``. A wheel built from the source distribution ships the
    .ts files only: those are compiled once into the user's cache folder, per version."""
    shipped = sorted(folder.glob(f"*_{language}.qm"))
    sources = len(list(folder.glob(f"*_{language}.ts")))
    if shipped or not sources:
        return shipped
    from platformdirs import user_cache_dir

    from renodesk import __version__
    from renodesk.ui import i18n_build

    cache = Path(user_cache_dir(APP_NAME, APP_NAME)) / "i18n" / __version__
    cached = sorted(cache.glob(f"*_{language}.qm"))
    if len(cached) == sources:
        return cached
    cache.mkdir(parents=True, exist_ok=True)
    try:
        return i18n_build.release(folder, f"*_{language}.ts", cache)
    except (OSError, subprocess.CalledProcessError, SystemExit):
        log.warning("could not compile the %s translations; the window stays in English",
                    language)
        return []


class Translations:
    """The translators installed in the application; switch with :meth:`use`."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "nl"

    def use(self, language: str) -> None:
        """Install the translators for ``language`` ("nl" or "en") and tell the domain too."""
        app = self.use_source_texts()
        core_i18n.set_language(language)
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl"
                                   else QLocale.Language.English, QLocale.Country.Netherlands))
        if os.environ.get(ENV_PSEUDO) == "1":
            self._install(app, PseudoTranslator(app))
            return
        # English is the source language; its files hold only the plural forms.
        for qm in compiled_translations(resources_dir() / "i18n", language):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                self._install(app, translator)
            else:
                log.warning("could not load translation %s", qm)
        if language == "en":
            return  # Qt's own texts are English already
        qt_translator = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_folder):
            self._install(app, qt_translator)

    def use_source_texts(self) -> QCoreApplication:
        """Take out every translator installed here, so the interface shows its source
        texts exactly as written (with "(s)"), in an English locale; tests start from
        here. Returns the application."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        return app

    def _install(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self._installed.append(translator)
