from django.db import models


class ProblemReport(models.Model):
    """Someone's report of a problem with a page, from the form behind "Report a problem with this page"."""

    page = models.CharField(max_length=500, blank=True, help_text="The address of the page it came from.")
    doing = models.TextField("what they were doing")
    went_wrong = models.TextField("what went wrong")
    email = models.EmailField("email address for a reply", blank=True)
    # An HMAC of the sender's internet address, never the address itself: reports are limited per address.
    address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    signed_in = models.BooleanField(default=False, help_text="Whether the sender was signed in.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Problem with {self.page or 'a page'} on {self.created_at:%d %B %Y}"
