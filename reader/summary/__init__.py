"""Extractive summaries: News (the default: a small learned ranker, its features, weights and
training script), sumy's algorithms (fast re-implementations and the stock adapter), Lead,
the prose filter every algorithm picks through, why each sentence was picked, the
comparison of all algorithms, and the coherence marks of sentences that lean on one left out."""
