"""The domain operations; importing the package installs the text-field checks, the search
index's upkeep on every flush and the claim counts' upkeep on every commit."""

from . import field_limits as field_limits
from . import search_index as search_index
from . import tallies as tallies
