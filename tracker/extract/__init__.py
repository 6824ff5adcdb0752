"""Text -> claim candidates. Pure Python: imports nothing else of the package.

Pipeline (extractor.py): sentences.py splits lines into sentences (abbreviations, quotations
that span sentences; page furniture, photo credits and a leading metadata line are dropped,
so they never become claims); cues.py finds cues per sentence (Dutch rules and lexicons in
lexicon_nl.py; English cue words decided by a logistic-regression cue model over the word and its
context, cue_model_en.py, next to fixed rules for according to, hearsay, citing and colons);
sources.py finds the source and intermediaries; numbers.py and checkworthy.py add numbers and
a score. tokens.py defines a token's fields and records.py what passes between the stages.
Choices the contract leaves open:

- A claim is a sentence; a sentence with several attributions by different sources yields one
  claim per attribution, each spanning its clause (the whole sentence when it has no clause
  break). Hearsay only becomes the claim's attribution when no sourced cue is in the sentence.
- `suggested_status` is "unsourced" for hearsay and null otherwise (also for no attribution).
- A separable verb's cue spans finite verb to particle ("laat in een verklaring weten"), except
  when the source stands between them ("Dat laat een woordvoerder weten"): then the finite verb.
- A quotation continued in a later paragraph carries the speaker over with `implicit: true`,
  kind "quote" and `cue: null`.
- A cue inside a quotation is part of the quoted words and is not an attribution of the article.
  The words of a quotation longer than 40 characters are left out of the sentence's tokens
  altogether (extractor.sentence_tokens), so none of them is taken for a speaker either.
- A claim's relative-pronoun source ("Smith, who said ...") is resolved to its antecedent.
- `find_attributions` gives every cue of every sentence (what benchmarks/attribution.py scores;
  there relative pronouns stay as written, as the corpus annotates them).
"""

from __future__ import annotations

from .extractor import extract_claims, find_attributions
from .language import detect_language
from .types import Attribution, Claim, KnownSource, Number, SourceMention, Span

__all__ = [
    "Attribution",
    "Claim",
    "KnownSource",
    "Number",
    "SourceMention",
    "Span",
    "detect_language",
    "extract_claims",
    "find_attributions",
]
