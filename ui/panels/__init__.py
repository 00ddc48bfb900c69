"""The window's side panels and bars: summary, entities, who says what, messages."""
