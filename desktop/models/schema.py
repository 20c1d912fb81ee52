"""Imports every module that defines tables, so ``Base.metadata`` is the whole local schema."""

from __future__ import annotations

import desktop.models.audit
import desktop.models.retention  # deletion markers
import desktop.models.sync_tables  # noqa: F401  (outbox, sync state, conflicts, parked operations)
from desktop.models.base import Base

metadata = Base.metadata
