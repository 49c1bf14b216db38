"""Small reusable widgets of the interface."""
