"""The domain operations; importing the package installs the text-field checks and the search
index's upkeep on every flush."""

from . import field_limits as field_limits
from . import search_index as search_index
