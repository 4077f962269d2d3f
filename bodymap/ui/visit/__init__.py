"""The visit's tabs beside the map: treatment and notes, outcomes, signing and amendments."""
