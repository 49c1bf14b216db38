"""Organisation settings: the sample letter follows the letterhead as it is typed."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image

from renodesk.core.workspace import Workspace
from renodesk.ui.worker import InlineRunner


def test_the_preview_follows_the_letterhead_and_the_logo_is_checked(
        qtbot: Any, small_demo: Workspace, tmp_path: Path) -> None:
    from renodesk.app import ORGANISATION_ID
    from renodesk.ui.organisation_dialog import OrganisationDialog

    dialog = OrganisationDialog(InlineRunner(small_demo))
    qtbot.addWidget(dialog)
    assert dialog.fields["name"].text() == "Woonstichting De Linde"
    assert dialog.preview.page_count == 1
    before = dialog.rendered
    dialog.fields["city"].setText("Amersfoort")
    qtbot.waitUntil(lambda: dialog.rendered > before, timeout=3000)

    broken = tmp_path / "logo.png"
    broken.write_bytes(b"not an image at all")
    assert not dialog.use_logo_file(broken)
    assert "PNG" in dialog.message.text()
    logo = tmp_path / "good.png"
    buffer = BytesIO()
    Image.new("RGB", (200, 80), "navy").save(buffer, "PNG")
    logo.write_bytes(buffer.getvalue())
    assert dialog.use_logo_file(logo)
    before = dialog.rendered
    qtbot.waitUntil(lambda: dialog.rendered > before, timeout=3000)
    dialog.fields["signatory_name"].setText("Mira Jansen")
    dialog.save()
    row = small_demo.get("organisation", ORGANISATION_ID)
    assert row["city"] == "Amersfoort" and row["logo"] == buffer.getvalue()
    assert row["signatory_name"] == "Mira Jansen"
