"""What the analysis becomes for a person or a script: the report, the JSON, the command line."""
