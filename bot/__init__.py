"""The assistant: what runs inside the Rasa server (Rasa 3.6's environment).

Custom NLU components (`nlu/`), the handoff policy (`dialogue/`), messaging connectors
(`channels/`), the switchable patches of Rasa internals (`patches/`), and the per-run Rasa
configuration (`rasa_config`). It imports `common` and never `lookup`, `actions` or `tools`.
"""
