"""Verification reports: preview for everyone, downloads for editors and admins."""
