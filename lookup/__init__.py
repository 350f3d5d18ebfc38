"""The lookup service: owns the exercise knowledge and answers it over HTTP in each language."""
