"""Payment-provider webhooks: verify, route by event type, update our records."""
