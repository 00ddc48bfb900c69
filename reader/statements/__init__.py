"""Who says what: quotations, attributions (speaker, cue, content) and their stance."""
