"""Built-in dermatome, nerve-territory and red-flag data files (JSON)."""
