"""File > Export: the report options dialog and the controller that writes the PDF."""
