"""What every screen area shares: colours and glyphs, words for chart items, forms, settings."""
