"""The site's web fonts, made again from Debian's fonts-inter: `.venv/bin/python tools/webfonts.py`.

Inter Regular and Bold, cut down to the characters Norwegian and English pages use (Latin-1,
dashes, quotes, arrows, the euro sign) and saved as WOFF2 in templates/assets/fonts/, where the
build publishes them beside the stylesheet. Cutting them down keeps each file near 20 kB instead of
300 kB; the result is committed, so a build needs neither the package nor this script. Inter is
under the SIL Open Font License 1.1, which allows this (OFL.txt travels with the files).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset

PROJECT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/inter")
TARGET = PROJECT / "templates" / "assets" / "fonts"
WEIGHTS = {"regular": "Inter-Regular.otf", "bold": "Inter-Bold.otf"}
UNICODES = (
    "U+0020-007E,U+00A0-00FF,U+0152-0153,U+2010-2027,U+2030-203A,U+2044,U+20AC,U+2122,"
    "U+2190-2193,U+2212"
)
FEATURES = "kern,liga,calt,tnum,case,ccmp,locl,mark,mkmk"


def make(weight: str, source: Path) -> Path:
    target = TARGET / f"inter-{weight}.woff2"
    subset.main(
        [
            str(source),
            f"--unicodes={UNICODES}",
            f"--layout-features={FEATURES}",
            "--flavor=woff2",
            "--no-hinting",
            "--desubroutinize",
            "--name-IDs=0,1,2,3,4,5,6,13,14",
            f"--output-file={target}",
        ]
    )
    return target


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for weight, name in WEIGHTS.items():
        made = make(weight, SOURCE / name)
        print(f"{made.relative_to(PROJECT)}: {made.stat().st_size} bytes")
    licence = Path("/usr/share/doc/fonts-inter/copyright")
    if licence.exists():
        shutil.copyfile(licence, TARGET / "OFL.txt")


if __name__ == "__main__":
    main()
