import os

os.environ.setdefault("NOTES_DATABASE_URL", "sqlite:///:memory:")
os.environ.setdefault("NOTES_SECRET_KEY", "test-secret")
