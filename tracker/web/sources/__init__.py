"""The source registry."""
