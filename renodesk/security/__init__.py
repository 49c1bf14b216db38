"""RenoDesk security layer."""
