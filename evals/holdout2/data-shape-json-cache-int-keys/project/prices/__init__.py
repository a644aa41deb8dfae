"""Regional price lists and cart totals."""
