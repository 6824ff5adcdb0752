"""The domain operations; importing the package installs the text-field checks on every flush."""

from . import field_limits as field_limits
