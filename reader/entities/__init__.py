"""Named entities: spaCy's mentions cleaned, typed once per name, merged across variants."""
