"""A report as an A4 PDF, drawn by WeasyPrint from the report's content (the snapshot once published)."""

from django.template.loader import render_to_string

from .content import headlines


def render_pdf(*, report, content, correction=None):
    """The PDF's bytes. Every page carries the compact's name, the period and its page number in the footer.

    The charts are data: URIs, so WeasyPrint is allowed to load nothing else: no file, no web address.
    """
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
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
