"""The brand's design tokens: colours, typography and spacing, in one place.

The storefront's stylesheet reads them as CSS custom properties (`--ink`, `--accent`...) that
`{% theme_style %}` writes in the page head; the pictures drawn with Pillow (badges, posters,
share images) read the same values here.
"""

COLOURS: dict[str, str] = {
    "ink": "#1f2a2e",  # text
    "accent": "#b3261e",  # links, buttons: the red of Cahors
    "paper": "#fffdf8",  # page background
    "line": "#e4ddd0",  # rules and card borders
    "muted": "#5a544a",  # secondary text, 7:1 on paper
    "lot-blue": "#1d4e89",  # the brand's blue: the river Lot
    "ochre": "#d8a03d",  # the brand's warm colour: causse stone at sunset
    "causse": "#f4ecdc",  # light stone, backgrounds of the brand's pictures
    "focus": "#1d5fa8",
}

FONTS: dict[str, str] = {
    "body": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    "heading": "Georgia, 'DejaVu Serif', serif",
}

SPACING: dict[str, str] = {"xs": ".25rem", "s": ".5rem", "m": "1rem", "l": "1.5rem", "xl": "2.5rem"}

RADIUS = ".5rem"

# Font files for the pictures drawn with Pillow, tried in order (DejaVu ships with Debian).
PICTURE_FONTS = {
    "regular": ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"),
    "bold": ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"),
    "heading": ("DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"),
}


def colour(name: str) -> tuple[int, int, int]:
    """A brand colour as an (r, g, b) tuple, for Pillow."""
    value = COLOURS[name].lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def css_custom_properties() -> str:
    """Every token as CSS custom properties of :root."""
    declarations = [f"--{name}: {value};" for name, value in COLOURS.items()]
    declarations += [f"--font-{name}: {value};" for name, value in FONTS.items()]
    declarations += [f"--space-{name}: {value};" for name, value in SPACING.items()]
    declarations.append(f"--radius: {RADIUS};")
    return ":root { " + " ".join(declarations) + " }"
