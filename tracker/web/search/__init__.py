"""Search across the archive, claim clusters and their matches."""
