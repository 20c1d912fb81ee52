"""Imports every module that defines tables, so ``Base.metadata`` is the whole local schema."""

from __future__ import annotations

import desktop.models.audit  # noqa: F401  (access log and local facts; imports the domain entities too)
import desktop.models.retention  # noqa: F401  (deletion markers)
from desktop.models.base import Base

metadata = Base.metadata
