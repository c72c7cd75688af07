"""Gold loaders and scorers that match the original tasks' scorers; the ``eval`` commands."""
