"""The checks on the language of published text, run together once the content is read: an
English text left in Norwegian (translation.py, an error) and Norwegian that is not plain
(plainlanguage.py, klarspråk warnings). One call in the pipeline for both."""

from __future__ import annotations

from ..common.errors import ErrorLog
from ..common.folders import Folders
from ..content.model import Content
from . import plainlanguage, translation


def check(content: Content, folders: Folders, log: ErrorLog) -> None:
    translation.check(content, folders, log)
    plainlanguage.check(content, folders, log)
