"""closeness: a terminal app two partners use together at one laptop to reconnect."""

from pathlib import Path as _Path

__version__ = "0.1.0"

# Installed, setuptools maps the top-level screens/ and content/ folders inside this package
# (as closeness_tui.screens and closeness_tui._content). From a source checkout (python -m
# pytest, python -m closeness_tui) they sit beside it: a small shim package makes them found.
_here = _Path(__file__).resolve().parent
if not (_here / "screens").is_dir() and (_here.parent / "screens" / "__init__.py").is_file():
    import importlib.util as _util
    import sys as _sys

    for _name, _folder in (("screens", "screens"), ("_content", "content")):
        _spec = _util.spec_from_file_location(
            f"{__name__}.{_name}",
            _here.parent / _folder / "__init__.py",
            submodule_search_locations=[str(_here.parent / _folder)],
        )
        assert _spec is not None and _spec.loader is not None
        _module = _util.module_from_spec(_spec)
        _sys.modules[_spec.name] = _module
        _spec.loader.exec_module(_module)
