"""Fonts, icons and translations shipped with the package."""
