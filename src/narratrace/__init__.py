"""narratrace: trace disinformation narratives across news articles."""
__version__ = "0.1.0"
