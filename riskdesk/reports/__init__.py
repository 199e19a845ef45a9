"""PDF documents with reportlab. No Qt; services hand in plain data."""
