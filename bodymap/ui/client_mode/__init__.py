"""Client mode: the client marks their own pain on a locked tablet, in plain language."""
