"""A report as an A4 PDF, drawn by WeasyPrint from the report's content (the snapshot once published)."""

from django.template.loader import render_to_string

from .content import headlines


def render_pdf(*, report, content, correction=None, base_url=None):
    """The PDF's bytes. Every page carries the compact's name, the period and its page number in the footer."""
    import weasyprint  # slow to import: load it only when someone asks for a PDF

    html = render_to_string(
        "compact_site/reports/report_pdf.html",
        {
            "report": report,
            "content": content,
            "figures": content["figures"],
            "headlines": headlines(content),
            "correction": correction,
        },
    )
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()
