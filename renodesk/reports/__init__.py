"""RenoDesk reports layer."""
