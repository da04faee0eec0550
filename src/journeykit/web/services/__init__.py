"""What the browser workspace can do, as functions on a workspace.

Every page action and its JSON twin call the same function here; the functions sit on top of
``journeykit.store`` and save whole revisions, so no request leaves a journey half-saved.
"""
