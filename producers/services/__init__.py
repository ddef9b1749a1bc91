"""Every write of the producers room, one module per topic."""
