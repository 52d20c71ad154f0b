"""The code uses Django, redis-py, django-redis, django-csp, django-otp and Celery only through their public
names (STYLE.md, habit 11): a private name (``_get_queryset``, ``_install_lazy_accessors``) can change or go
in any release without a word in the release notes.

Each app module is read (not run) and checked for:

- an import of a private name or module of one of those libraries (``from django.forms.models import _x``);
- ``name._private`` where ``name`` comes from one of those libraries (``forms.ModelChoiceField._get_queryset``);
- ``obj._private`` on anything but ``self`` or ``cls``, unless this module defines ``_private`` itself
  (``def _private`` or ``self._private = ...``): an attribute that is not ours belongs to a library;
- in a class based on one of those libraries' classes: ``super()._private``; ``self._private`` that the class
  does not define itself or that the library's class also uses; and defining a private name the library's
  class already has (overriding its hook).

Names reached through ``getattr`` with a string are not checked.
"""

import ast
import importlib
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ["notifications", "signatories", "success_factors", "commitments", "wins", "compact_site"]
LIBRARIES = {"django", "redis", "django_redis", "csp", "django_otp", "celery", "kombu"}
# Underscored, but documented: Django's model API (the Options object, default managers, instance state) and
# django-simple-history's reason for a change ("Change Reason" in its documentation).
DOCUMENTED = {"_meta", "_default_manager", "_base_manager", "_state", "_change_reason"}


def is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def modules():
    return sorted(
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def library_names(tree):
    """Each name the module binds to something from one of the libraries, with the dotted path it stands for."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in LIBRARIES:
                    bound = alias.asname or alias.name.split(".")[0]
                    names[bound] = alias.name if alias.asname else bound
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module.split(".")[0] in LIBRARIES:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def dotted(node):
    """``a.b.c`` for an expression made of names and attributes only, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def from_library(node, imported):
    """The library object (dotted path) an expression such as ``forms.ModelChoiceField`` names, or None."""
    path = dotted(node)
    if path is None:
        return None
    head, _, rest = path.partition(".")
    if head not in imported:
        return None
    return f"{imported[head]}.{rest}" if rest else imported[head]


def resolve(path):
    """The object a dotted path names (``django.forms.ModelChoiceField``), or None if it cannot be imported."""
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for part in parts[split:]:
                found = getattr(found, part)
        except AttributeError:
            return None
        return found
    return None


def code_names(code):
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= code_names(constant)
    return names


def library_private_names(library_class):
    """Private names a library's class has or uses in its own code (``_used_storages``, set in ``__init__``)."""
    names = set(dir(library_class))
    for klass in library_class.__mro__:
        if klass.__module__.split(".")[0] not in LIBRARIES:
            continue
        for member in vars(klass).values():
            for function in (
                member,
                getattr(member, "__func__", None),
                getattr(member, "fget", None),
                getattr(member, "fset", None),
            ):
                if isinstance(function, types.FunctionType):
                    names |= code_names(function.__code__)
    return {name for name in names if is_private(name)}


def defined_by(node):
    """Private names ``node`` (a module or a class) defines: ``def _x``, ``_x = ...``, ``self._x = ...``."""
    names = set()
    for child in ast.walk(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(child.name)
        elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
            names.add(child.id)
        elif (
            isinstance(child, ast.Attribute)
            and isinstance(child.ctx, ast.Store)
            and isinstance(child.value, ast.Name)
            and child.value.id in ("self", "cls")
        ):
            names.add(child.attr)
    return {name for name in names if is_private(name)}


def own_definitions(cls):
    """Private names a class's own body defines (methods and class attributes), with their lines."""
    found = []
    for statement in cls.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.append((statement.name, statement.lineno))
        elif isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            found += [(target.id, statement.lineno) for target in targets if isinstance(target, ast.Name)]
    return [(name, line) for name, line in found if is_private(name)]


def is_super_call(node):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def private_imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module.split(".")[0] in LIBRARIES:
            private = [part for part in node.module.split(".") if is_private(part)]
            private += [alias.name for alias in node.names if is_private(alias.name)]
            yield from (f"{node.lineno}: imports {name} from {node.module}" for name in private)
        elif isinstance(node, ast.Import):
            yield from (
                f"{node.lineno}: imports {alias.name}"
                for alias in node.names
                if alias.name.split(".")[0] in LIBRARIES and any(map(is_private, alias.name.split(".")))
            )


def library_based_classes(tree, imported):
    """Each class based on a library's class: (the class, its library bases, the private names they use)."""
    for cls in [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]:
        bases = [path for path in (from_library(base, imported) for base in cls.bases) if path]
        if bases:
            library_classes = [base for base in map(resolve, bases) if isinstance(base, type)]
            yield cls, bases, set().union(*map(library_private_names, library_classes))


def private_attributes(tree, imported, classes):
    """``x._private`` that reaches into a library (``classes``: each node in a library-based class -> the class)."""
    module_defines = defined_by(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not is_private(node.attr) or node.attr in DOCUMENTED:
            continue
        name, owner = node.attr, node.value
        library = from_library(owner, imported)
        if library:
            yield f"{node.lineno}: {library}.{name}"
        elif is_super_call(owner) or (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
            if node in classes:
                cls, bases, library_uses = classes[node]
                if is_super_call(owner):
                    yield f"{node.lineno}: super().{name} in {cls.name}, based on {bases[0]}"
                elif name not in defined_by(cls) or name in library_uses:
                    yield f"{node.lineno}: {owner.id}.{name} in {cls.name}, based on {bases[0]}"
            elif is_super_call(owner) and name not in module_defines:
                yield f"{node.lineno}: super().{name}, not defined in this module"
        elif name not in module_defines:
            yield f"{node.lineno}: {ast.unparse(node)}, not defined in this module"


def violations(source, filename="<source>"):
    """Each use of a library's private name in ``source``, as "line: what"."""
    tree = ast.parse(source, filename=filename)
    imported = library_names(tree)
    found = list(private_imports(tree))
    classes = {}
    for cls, bases, library_uses in library_based_classes(tree, imported):
        classes.update({child: (cls, bases, library_uses) for child in ast.walk(cls)})
        found += [
            f"{line}: {cls.name} overrides {name} of {bases[0]}"
            for name, line in own_definitions(cls)
            if name in library_uses
        ]
    found += private_attributes(tree, imported, classes)
    return sorted(set(found), key=lambda text: int(text.split(":")[0]))


@pytest.mark.parametrize("module", modules())
def test_the_module_uses_only_public_names_of_its_libraries(module):
    found = violations((ROOT / module).read_text(), filename=module)
    assert found == [], f"{module} uses private names of a library:\n" + "\n".join(found)


def test_the_check_catches_each_kind_of_private_use():
    source = """
from django.forms.models import _get_foreign_key
from django.utils import _os
import django.utils._os
from django import forms
from django_otp.middleware import OTPMiddleware
from django.contrib.messages.storage.fallback import FallbackStorage


class Choices:
    queryset = property(forms.ModelChoiceField._get_queryset)

    def set(self, queryset):
        super()._set_queryset(queryset)


class Middleware(OTPMiddleware):
    def _install_lazy_accessors(self, request):
        super()._install_lazy_accessors(request)
        return self._verify_user_sync(request, request.user)


def roles(user, lazy):
    user._compact_roles = frozenset()
    return lazy._wrapped


class Storage(FallbackStorage):
    def __init__(self, request):
        self._used_storages = set()  # FallbackStorage's own, set in its __init__
"""
    found = "\n".join(violations(source))

    assert "2: imports _get_foreign_key from django.forms.models" in found
    assert "3: imports _os from django.utils" in found
    assert "4: imports django.utils._os" in found
    assert "11: django.forms.ModelChoiceField._get_queryset" in found
    assert "14: super()._set_queryset, not defined in this module" in found
    assert "18: Middleware overrides _install_lazy_accessors of django_otp.middleware.OTPMiddleware" in found
    assert "19: super()._install_lazy_accessors in Middleware" in found
    assert "20: self._verify_user_sync in Middleware" in found
    assert "24: user._compact_roles, not defined in this module" in found
    assert "25: lazy._wrapped, not defined in this module" in found
    assert "30: self._used_storages in Storage" in found
    assert len(found.splitlines()) == 11


def test_the_check_lets_a_module_use_its_own_private_names_and_the_documented_ones():
    source = """
from django import forms
from django.contrib.auth.models import User


class Picker(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._chosen = None
        self._remember()

    def _remember(self):
        return self._chosen


class Tally:
    def _count(self):
        return self._total


def label(tally, record):
    record._change_reason = "Restored"
    return tally._count(), User._meta.verbose_name, User._default_manager, record._state.adding
"""
    assert violations(source) == []


def test_a_module_that_breaks_the_rule_fails_the_test(tmp_path, monkeypatch):
    app = tmp_path / "wins"
    app.mkdir()
    (app / "roles.py").write_text("def roles(user):\n    return user._compact_roles\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    with pytest.raises(AssertionError, match="wins/roles.py uses private names") as failure:
        test_the_module_uses_only_public_names_of_its_libraries("wins/roles.py")
    assert "2: user._compact_roles, not defined in this module" in str(failure.value)
