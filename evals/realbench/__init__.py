"""The real-bug benchmark: recreate real buggy checkouts from mirrors, run their failing tests,
derive the ground truth from the fix, and score engines on them (see evals/real/README.md)."""
