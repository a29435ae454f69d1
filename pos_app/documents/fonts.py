"""The fonts bundled with the app for printed documents (DejaVu Sans, see resources/fonts/LICENSE-DejaVu.txt).

Documents name the family FONT_FAMILY, which no system font has, so that a PDF looks the same on every
machine whatever fonts it has installed.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

FONT_FAMILY = "Document Sans"
FONTS_DIR = Path(str(files("pos_app.resources") / "fonts"))
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


def font_face_css() -> str:
    """@font-face rules for the bundled files, by absolute file URL (independent of a document's base URL)."""
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
        f'src: url("{(FONTS_DIR / name).as_uri()}") format("truetype"); }}'
        for weight, name in FONT_FILES.items()
    )
