import os

os.environ.setdefault("SHOP_DATABASE_URL", "sqlite:///:memory:")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_test")
