"""`python -m storyline` runs the command line."""

from .cli import app

app(prog_name="storyline")
