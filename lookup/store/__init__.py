"""Storage of exercise knowledge: tables, engine and the queries the API needs."""
