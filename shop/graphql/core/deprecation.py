"""The reason printed on the fields and arguments that clients of the API should stop using."""

DEPRECATED = "Kept for older clients; see the field's replacement in this schema."
