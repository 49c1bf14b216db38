"""RenoDesk server layer."""
