"""Reviewing one claim: wording, provenance chain, verdict, evidence, splitting, history."""
