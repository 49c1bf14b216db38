"""What the coach types in the user guide's pictures, per guide language.

The Dutch guide follows Mevrouw De Vries, a Dutch tenant. The English guide's reader
should understand every word typed in a picture, so there the tenant reads English
(her letters come in English) and the notes are English; the corporation, its coach,
the project, the partner and the addresses stay Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    """The texts one run of docs/tools/guide_screenshots.py types, and where it saves."""

    images: str  # the pictures' folder, relative to docs/
    pictures: tuple[str, ...]  # the nine file names, without .png, in the guide's order
    household: str  # the tenant the guide follows
    search: str  # what the coach types in the search field to find her
    tenant_language: str  # the code of her language (her letters' language)
    responsibilities: str
    partner_role: str
    consent_scope: str
    contact_person: str
    relation: str
    implications: str
    attendees: str
    notes: str
    wishes: str
    worries: str
    agreement: str
    action: str
    make_letters: str  # the batch dialog's button
    pdf_file: str  # the file name a coach types in the print dialog

    def picture(self, number: int) -> str:
        """The name of picture ``number`` (1..9)."""
        return self.pictures[number - 1]


STORIES = {
    "nl": Story(
        images="images",
        pictures=("01-eerste-start", "02-wachtzin", "03-huishouden", "04-bezoek-plannen",
                  "05-verslag-afspraak", "06-brieven-groep", "07-brieven-voorbeeld",
                  "08-afdrukken-pdf", "09-over-renodesk"),
        household="Mevrouw J. de Vries",
        search="vries",
        tenant_language="nl",
        responsibilities="Huisbezoeken en keukentafelgesprekken",
        partner_role="Komt mee naar het keukentafelgesprek",
        consent_scope="Kwetsbaarheden en afspraken voor de renovatie",
        contact_person="Anke de Vries",
        relation="dochter",
        implications="Kan de trap niet op; heeft een rustige kamer nodig",
        attendees="Mevrouw De Vries en haar dochter Anke",
        notes="Mevrouw is positief over de plannen.",
        wishes="Een vaste contactpersoon tijdens de werkzaamheden",
        worries="Stof en lawaai; de trap naar de badkamer",
        agreement="Rustwoning tijdens de sloop van de badkamer",
        action="Rustwoning reserveren",
        make_letters="Brieven maken",
        pdf_file="/home/sanne/Documenten/verslag-de-vries.pdf",
    ),
    "en": Story(
        images="images/en",
        pictures=("01-first-run", "02-passphrase", "03-household", "04-plan-visit",
                  "05-report-agreement", "06-batch-letters", "07-letter-preview",
                  "08-print-pdf", "09-about-renodesk"),
        # A Dutch corporation writes the title in Dutch; her letters say "Dear Mrs Walker".
        household="Mevrouw E. Walker",
        search="walker",
        tenant_language="en",
        responsibilities="Home visits and kitchen-table talks",
        partner_role="Joins the kitchen-table talk",
        consent_scope="Vulnerabilities and agreements for the renovation",
        contact_person="Kate Walker",
        relation="daughter",
        implications="Cannot climb the stairs; needs a quiet room",
        attendees="Mrs Walker and her daughter Kate",
        notes="Mrs Walker is positive about the plans.",
        wishes="One fixed contact person during the works",
        worries="Dust and noise; the stairs to the bathroom",
        agreement="Quiet home while the bathroom is torn out",
        action="Book the quiet home",
        make_letters="Make letters",
        pdf_file="/home/sanne/Documents/visit-report-walker.pdf",
    ),
}
