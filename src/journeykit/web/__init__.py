"""The browser workspace: a FastAPI app with a JSON API and server-rendered pages.

``create_app(path)`` serves the workspace at ``path``; ``journeykit serve`` runs it.
"""
