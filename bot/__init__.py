"""Liaison: a multilingual assistant for joint military exercises.

Subpackages run in different environments: `bot.lookup` (the knowledge service) with current
FastAPI/pydantic 2/SQLAlchemy 2, `bot.nlu` (Rasa components) with Rasa's pins. Nothing here may
import either side at package import time.
"""
