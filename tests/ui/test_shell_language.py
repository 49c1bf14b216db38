"""Dutch by default; English at once when the coach switches."""

from __future__ import annotations

from renodesk.core import i18n as core_i18n
from renodesk.ui.i18n import PseudoTranslator


def test_switching_to_english_changes_the_shell_pages_and_domain_messages(shell):
    assert shell.menus.file_menu.title() == "&Bestand"
    today_before = shell.pages["today"]
    assert today_before.heading.text().startswith("Vandaag")

    shell.settings.set("language", "en")
    shell.apply_settings()

    assert shell.menus.file_menu.title() == "&File"
    assert shell.nav.item(0).text() == "Today"
    assert shell.menus.act_lock.text() == "&Lock now"
    assert "not synchronised" in shell.sync_status.unsynced_label.text()
    assert core_i18n.language() == "en"
    rebuilt = shell.pages["today"]
    assert rebuilt is not today_before
    assert rebuilt.heading.text().startswith("Today")
    assert shell.current == ("today", None)

    shell.switch_language("nl")
    assert shell.nav.item(0).text() == "Vandaag"


def test_the_pseudo_language_stretches_every_text():
    pseudo = PseudoTranslator()
    stretched = pseudo.translate("MainWindow", "Online")
    assert len(stretched) >= len("Online") * 1.4
    assert stretched.startswith("[") and stretched.endswith("]")


def test_the_pseudo_language_leaves_placeholders_and_markup_alone():
    pseudo = PseudoTranslator()
    stretched = pseudo.translate("SyncStatus", "%n change(s) for <b>%1</b> &amp; co", None, 3)
    assert "%n" in stretched and "%1" in stretched
    assert "<b>" in stretched and "&amp;" in stretched
    assert "çháñgé" in stretched
