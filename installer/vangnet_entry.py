"""Entry point of the frozen bundle: one program, two names (`vangnet` and `vangnet-server`)."""

from __future__ import annotations

import os
import sys


def main() -> int:
    # argv[0]: the name it was started by, which is the link's name when started through a link.
    name = os.path.basename(sys.argv[0] or sys.executable).lower()
    if name.startswith("vangnet-server"):
        from sync.server.cli import main as server_main

        return server_main()
    from desktop.cli import main as desktop_main

    return desktop_main()


if __name__ == "__main__":
    sys.exit(main())
