"""Client records: the client list and header, intake wizard, treatment plan, and their wiring."""
