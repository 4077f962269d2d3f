"""Architecture rules from the house style, enforced: Qt is a leaf, libraries stay in their layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "bodymap"
CORE = [
    "geometry",
    "model",
    "store",
    "export",
    "ops",
    "referral",
    "nerves",
    "analysis",
    "cli",
    "files",
]
# Which third-party libraries each core package may import (beyond the standard library).
ALLOWED_ONLY_IN = {
    "reportlab": {"export"},
    "sqlalchemy": {"store"},
    "alembic": {"store"},
    "psycopg": {"store"},
    "argon2": {"store"},
    "svgelements": {"geometry"},
    "sqlcipher3": {"store"},
    "keyring": {"store"},
    "cryptography": {"files"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def core_files():
    for pkg in CORE:
        folder = PKG / pkg
        if folder.is_dir():
            for f in sorted(folder.rglob("*.py")):
                if "migrations" not in f.parts:
                    yield pkg, f


@pytest.mark.parametrize(("pkg", "path"), list(core_files()), ids=lambda v: str(v)[-40:])
def test_core_never_imports_qt_and_keeps_libraries_in_their_layer(pkg, path):
    found = imports_of(path)
    assert "PySide6" not in found, f"{path} imports PySide6; Qt belongs in bodymap/ui only"
    for lib, homes in ALLOWED_ONLY_IN.items():
        if lib in found:
            assert pkg in homes, f"{path} imports {lib}, which belongs in {sorted(homes)}"


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, importlib, bodymap\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module('bodymap.' + name)\n"
        "import bodymap.cli.main\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_module_has_a_docstring():
    missing = [
        str(f.relative_to(PKG))
        for f in PKG.rglob("*.py")
        if "migrations" not in f.parts
        and ast.get_docstring(ast.parse(f.read_text())) is None
        and f.stat().st_size > 0
    ]
    assert not missing, missing
