"""RenoDesk sync layer."""
