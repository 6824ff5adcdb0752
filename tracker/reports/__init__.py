"""Report renderers: HTML, PDF (WeasyPrint), CSV, JSON, ClaimReview and PROV-O JSON-LD.

Each renderer takes a ReportMeta and an iterable of ClaimRecord (tracker.services.reports) and
yields text chunks (PDF: bytes), so large reports stream.
"""
