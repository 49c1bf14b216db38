"""RenoDesk letters layer."""
