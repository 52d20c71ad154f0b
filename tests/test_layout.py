"""The code's layout rules, checked: lower layers never import higher ones, a concept that grows past a file is
a package, never a family of files named with the same prefix (``concern_forms.py``, ``concern_views.py``), and
each package's ``__init__.py`` says in its docstring what the concept is."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Lowest first: an app may import only apps at its own place or before it (see README "How the code is laid out").
LAYERS = ["notifications", "signatories", "success_factors", "commitments", "representation", "wins", "compact_site"]
APPS = [name for name in LAYERS if (ROOT / name).is_dir()]


def modules(app):
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def imported_apps(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in APPS:
                yield top, node.lineno


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_a_higher_layer(app):
    allowed = set(LAYERS[: LAYERS.index(app) + 1])
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {other}"
        for path in modules(app)
        for other, line in imported_apps(path)
        if other not in allowed
    ]
    assert upward == []


@pytest.mark.parametrize("app", APPS)
def test_no_family_of_prefixed_modules(app):
    for folder in {path.parent for path in modules(app)}:
        by_prefix = defaultdict(list)
        for path in folder.glob("*.py"):
            if "_" in path.stem.strip("_"):
                by_prefix[path.stem.split("_")[0]].append(path.name)
        families = {prefix: names for prefix, names in by_prefix.items() if len(names) > 1}
        assert families == {}, f"{folder.relative_to(ROOT)}: make a package of each of {families}"


@pytest.mark.parametrize("app", APPS)
def test_every_package_says_what_its_concept_is(app):
    unexplained = []
    for folder in sorted({path.parent for path in modules(app)}):
        init = folder / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(), filename=str(init))) if init.exists() else None
        if not (docstring or "").strip():
            unexplained.append(str(folder.relative_to(ROOT)))
    assert unexplained == [], f"begin each __init__.py with a docstring saying what the concept is: {unexplained}"


def test_the_check_catches_a_family_and_an_upward_import(tmp_path, monkeypatch):
    app = tmp_path / "signatories"
    app.mkdir()
    (app / "concern_forms.py").write_text("from wins.models import Win\n")
    (app / "concern_views.py").write_text("")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    with pytest.raises(AssertionError, match="imports wins"):
        test_no_app_imports_a_higher_layer("signatories")
    with pytest.raises(AssertionError, match="make a package"):
        test_no_family_of_prefixed_modules("signatories")


def test_the_check_catches_a_package_that_does_not_say_what_it_is(tmp_path, monkeypatch):
    app = tmp_path / "wins"
    (app / "concerns").mkdir(parents=True)
    (app / "__init__.py").write_text('"""Wins."""\n')
    (app / "concerns" / "__init__.py").write_text("from .models import Concern  # code, but no docstring\n")
    (app / "concerns" / "models.py").write_text("")
    (app / "migrations").mkdir()
    (app / "migrations" / "0001_initial.py").write_text("")  # migrations are not concepts
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    with pytest.raises(AssertionError, match=r"\['wins/concerns'\]"):
        test_every_package_says_what_its_concept_is("wins")

    (app / "concerns" / "__init__.py").write_text('"""Concerns."""\n\nfrom .models import Concern\n')
    (app / "rounds").mkdir()
    (app / "rounds" / "models.py").write_text("")  # no __init__.py at all
    with pytest.raises(AssertionError, match=r"\['wins/rounds'\]"):
        test_every_package_says_what_its_concept_is("wins")

    (app / "rounds" / "__init__.py").write_text('""" """\n')  # blank
    with pytest.raises(AssertionError, match=r"\['wins/rounds'\]"):
        test_every_package_says_what_its_concept_is("wins")

    (app / "rounds" / "__init__.py").write_text('"""Rounds."""\n')
    test_every_package_says_what_its_concept_is("wins")
