"""Types say what flows (STYLE.md, habit 13): every public service and selector function, and every public method
of a model, says the types of its arguments and what it returns; mypy checks them (`make lint`)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ["notifications", "signatories", "success_factors", "commitments", "representation", "wins", "compact_site"]
TYPED_MODULES = ("services.py", "selectors.py")


def untyped(function: ast.FunctionDef) -> list[str]:
    """What of ``function``'s signature has no type: each argument but self and cls, and the return."""
    arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
    missing = [a.arg for a in arguments if a.annotation is None and a.arg not in ("self", "cls")]
    missing += [
        f"*{a.arg}" for a in (function.args.vararg, function.args.kwarg) if a is not None and a.annotation is None
    ]
    if function.returns is None:
        missing.append("return")
    return missing


def public_functions(tree: ast.Module):
    """Module-level public functions, and the public methods of the module's classes."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    yield f"{node.name}.{item.name}", item


def model_classes(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            getattr(base, "attr", getattr(base, "id", "")) == "Model" for base in node.bases
        ):
            yield node


def modules(names):
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts and path.name in names:
                yield path


def gaps(path: Path, *, models_only: bool = False) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    if models_only:
        for model in model_classes(tree):
            for item in model.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_") and untyped(item):
                    found.append(f"{model.name}.{item.name}: {', '.join(untyped(item))}")
    else:
        for name, function in public_functions(tree):
            if untyped(function):
                found.append(f"{name}: {', '.join(untyped(function))}")
    return found


@pytest.mark.parametrize("path", list(modules(TYPED_MODULES)), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_public_service_and_selector_function_has_type_hints(path):
    assert gaps(path) == []


@pytest.mark.parametrize("path", list(modules(("models.py",))), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_public_method_of_a_model_has_type_hints(path):
    assert gaps(path, models_only=True) == []


def test_the_check_finds_what_has_no_type(tmp_path):
    source = tmp_path / "services.py"
    source.write_text(
        "def publish(*, win, by) -> None: ...\n"
        "def typed(*, win: int) -> int: ...\n"
        "def _private(x): ...\n"
        "class Win(models.Model):\n"
        "    def get_absolute_url(self): ...\n"
        "    def __str__(self): ...\n"
    )
    assert gaps(source) == ["publish: win, by", "Win.get_absolute_url: return"]
    assert gaps(source, models_only=True) == ["Win.get_absolute_url: return"]
