"""Referred pain on screen: the pattern overlay on the map and the possible-sources dock."""
