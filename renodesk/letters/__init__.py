"""RenoDesk letters: PDF letters for tenants, rendered with ReportLab from plain data.

``renodesk.letters.data`` holds the plain data classes and imports nothing heavy, so a
command or view can build requests cheaply; ``renodesk.letters.render`` does the work::

    from renodesk.letters.render import render_letter
    result = render_letter(LetterRequest(kind=LetterKind.INVITATION, ...))
    Path("brief.pdf").write_bytes(result.pdf)
    for warning in result.warnings:
        print(warning.message())
"""
