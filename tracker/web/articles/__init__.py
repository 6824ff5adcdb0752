"""Bringing articles in and reading them with their claims."""
