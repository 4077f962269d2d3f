"""Package layout: the code in bodymap/, the atlas assets in assets/ shipped as bodymap.assets."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["bodymap", "bodymap.*"]), "bodymap.assets"],
    package_dir={"bodymap.assets": "assets"},
)
