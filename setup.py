"""Only what pyproject.toml cannot say: `resources/` (the source of Briefer's icons, fonts and
demo data) ships inside the installed package as `briefer.data`, found with importlib.resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["briefer", "briefer.*"]), "briefer.data"],
    package_dir={"briefer.data": "resources"},
    package_data={"briefer.data": ["*", "*/*"]},
)
