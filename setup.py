"""Only what pyproject.toml cannot say: `resources/` (the source of Briefer's icons, fonts and
demo data) ships inside the installed package as `briefer.data`, found with importlib.resources.
Its folders are listed as packages too, so setuptools ships them as data without warning."""

from setuptools import find_packages, setup

DATA_FOLDERS = ["demo", "fonts", "icons"]

setup(
    packages=[*find_packages(include=["briefer", "briefer.*"]), "briefer.data",
              *(f"briefer.data.{folder}" for folder in DATA_FOLDERS)],
    package_dir={"briefer.data": "resources"},
    package_data={"briefer.data": ["*"], **{f"briefer.data.{folder}": ["*"] for folder in DATA_FOLDERS}},
)
