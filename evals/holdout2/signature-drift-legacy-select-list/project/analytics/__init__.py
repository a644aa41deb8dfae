"""Page-view analytics: weekly reports for the marketing site."""
