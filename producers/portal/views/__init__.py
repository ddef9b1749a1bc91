"""Pages of the producer portal, one module per area; each calls one service or selector."""
