"""Atlas generator: builds assets/svg from landmark coordinates (one half drawn, the other mirrored)."""
