"""RenoDesk core layer."""
