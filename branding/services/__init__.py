"""Every write of the brand, one module per topic: campaigns (visits, attribution, consent,
reminders) and share images."""
