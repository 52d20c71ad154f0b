"""The front end's own logic, tested with node's built-in test runner (tests/js/*.test.js) in every pytest run.

Node is one of the three things a fresh machine needs (with Python and make), so it is never skipped.
"""

import shutil
import subprocess
from pathlib import Path

JS_TESTS = Path(__file__).resolve().parent / "js"


def test_the_javascript_tests_pass():
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (it also builds the CSS)"
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.js"))
    assert files, f"no JavaScript tests found in {JS_TESTS}"
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
