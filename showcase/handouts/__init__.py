"""The printed A4 handouts: what each sheet shows, its HTML, the PDF (WeasyPrint, QR codes),
and the cache of rendered PDFs. Uses `render` for the shared Jinja filters and Markdown."""
