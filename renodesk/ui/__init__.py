"""RenoDesk ui layer."""
