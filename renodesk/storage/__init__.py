"""RenoDesk storage layer."""
