"""Data files shipped with the program (installed as ``mpn_desktop.resources``)."""
