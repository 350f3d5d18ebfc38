-- Run once by the postgres image when it creates its data (docker-entrypoint-initdb.d): Rasa's
-- conversations live in their own database, beside the lookup service's (POSTGRES_DB=liaison).
CREATE DATABASE rasa;
