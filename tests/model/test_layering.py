"""Qt is a leaf and the database lives in the store: checked on the imports of a fresh process."""

import subprocess
import sys

CHECK = """
import sys
import bodymap.model, bodymap.model.summary, bodymap.model.codec, bodymap.model.signing
assert not any(m.startswith(("sqlalchemy", "alembic", "PySide6")) for m in sys.modules), "model"
import bodymap.store, bodymap.ops.records, bodymap.ops.portable, bodymap.ops.demo
import bodymap.cli.records_cmds
assert not any(m.startswith(("PySide6", "reportlab")) for m in sys.modules), "core"
print("ok")
"""


def test_core_imports_no_qt_and_model_no_database():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr
