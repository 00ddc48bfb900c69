"""Extractive summaries: sumy's algorithms (fast re-implementations and the stock adapter),
Lead, and the coherence marks of sentences that lean on one left out."""
