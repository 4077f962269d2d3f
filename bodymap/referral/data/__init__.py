"""Built-in referral data files, shipped as package data."""
