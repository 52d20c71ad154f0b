from django import forms

from signatories.form_fields import GovForm
from signatories.models import Sector

from .selectors import RegisterStatus


class SiteSettingsForm(GovForm):
    is_on = forms.BooleanField(
        label="Open the public site to everyone",
        required=False,
        help_text="Visitors who are not signed in see what the Compact is, the register of signatories, the number "
        "of champions, and the wins and reports you choose. When it is off, everyone is asked to sign in.",
    )
    publish_scores = forms.BooleanField(
        label="Publish the partnership scores",
        required=False,
        help_text="The seven factors' partnership scores for each round, on the public site and in the open data. "
        "Single organisations' self-assessments are never published.",
    )
    publish_commitments = forms.BooleanField(
        label="Publish how the commitments are kept",
        required=False,
        help_text="For the last 12 months against the 12 before: the share of statutory bodies' consultations and "
        "funding decisions that met each of the Compact's commitments, and each body's record. Only verified records "
        "count, and no record or person is named.",
    )
    publish_representation = forms.BooleanField(
        label="Publish the sector's seats on partnership boards",
        required=False,
        help_text="The boards with seats for the voluntary and community sector and which network nominates each. A "
        "representative is named only if they agreed to it; contact details are never shown.",
    )
    publish_scrutiny = forms.BooleanField(
        label="Publish the committees and their recommendations",
        required=False,
        help_text="The committees the Compact's reports go to (the LSP, scrutiny, the Health and Wellbeing Board), "
        "their recommendations about the Compact and the responses to them. Nobody is named but the body that must "
        "respond.",
    )


class RegisterSearchForm(forms.Form):
    """The register's search and filters. Unknown values are ignored rather than refused: it is a GET form."""

    q = forms.CharField(label="Organisation name", required=False, max_length=100)
    sector = forms.ChoiceField(label="Sector", required=False, choices=[("", "All sectors"), *Sector.choices])
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Signed or withdrawn"), *RegisterStatus.CHOICES]
    )

    def filters(self):
        if not self.is_valid():
            return {"text": "", "sector": "", "status": ""}
        data = self.cleaned_data
        return {"text": data["q"], "sector": data["sector"], "status": data["status"]}
