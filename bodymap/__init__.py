"""bodymap: chart pain on an anatomical body map."""

__version__ = "0.1.0"
