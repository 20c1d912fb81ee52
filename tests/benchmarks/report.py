"""Printing benchmark figures beside their targets, the same way in every benchmark."""

from __future__ import annotations


def figure(name: str, value: float, unit: str, target: float | None = None, *, lower_is_better: bool = True) -> None:
    if target is None:
        print(f"  {name:<58} {value:>10.3f} {unit}")
        return
    ratio = value / target if target else float("inf")
    verdict = "binnen doel" if (ratio <= 1.0 if lower_is_better else ratio >= 1.0) else "BUITEN DOEL"
    print(f"  {name:<58} {value:>10.3f} {unit}   doel {target:g} {unit}   verhouding {ratio:.2f}   {verdict}")
