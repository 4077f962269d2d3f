"""Use cases between the UI and the core: small keyword-only functions over model and store."""
