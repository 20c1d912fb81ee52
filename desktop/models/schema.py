"""Imports every module that defines tables, so ``Base.metadata`` is the whole local schema."""

from __future__ import annotations

import desktop.models.audit
import desktop.models.retention  # noqa: F401  (deletion markers)
from desktop.models.base import Base

metadata = Base.metadata
