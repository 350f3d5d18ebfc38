"""Pure Python that every unit may import: text folding, topics, languages.

No framework here (Rasa, rasa-sdk, FastAPI, SQLAlchemy): import-linter forbids it, so that this
package installs in both environments.
"""
