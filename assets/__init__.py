"""Atlas assets (body outline SVGs and zone metadata), shipped as package data bodymap.assets."""
