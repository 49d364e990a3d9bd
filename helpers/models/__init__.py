"""Pure science: numpy functions with units in names and docstrings (no plotly, widgets or I/O)."""
