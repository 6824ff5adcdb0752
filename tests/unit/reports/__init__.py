"""Tests of the report renderers."""
