"""Exceptions that name the article (or file, row and column) and the problem."""

from __future__ import annotations

__all__ = ["CoverageError", "ArticleError", "MetadataError"]


class CoverageError(Exception):
    """Base class of the package's errors."""


class ArticleError(CoverageError, ValueError):
    """One article cannot be read or analyzed.

    Parameters
    ----------
    article : str
        The article id or file name.
    problem : str
        What is wrong, in words a scholar can act on.
    stage : str
        Where it happened: ``load``, ``segment``, ``readability``, ...
    """

    def __init__(self, article: str, problem: str, stage: str = "load") -> None:
        self.article, self.problem, self.stage = article, problem, stage
        super().__init__(f"article {article!r}: {problem}")


class MetadataError(CoverageError, ValueError):
    """The metadata of a corpus is malformed.

    Parameters
    ----------
    where : str
        The file (and row) or the article id.
    column : str
        The offending column.
    problem : str
        What is wrong.
    """

    def __init__(self, where: str, column: str, problem: str) -> None:
        self.where, self.column, self.problem = where, column, problem
        super().__init__(f"{where}: column {column!r}: {problem}")
