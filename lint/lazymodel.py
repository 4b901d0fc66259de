"""Option tables declared once and validated by pydantic, built on first use.

A pre-commit run on one file sets no option: it needs only the defaults,
and importing pydantic and building a model per rule was a third of its
start-up.  A `LazyModel` subclass is written like a pydantic model
(annotated attributes whose defaults are values or `Field(...)`, with an
alias, bounds, a description; `model_config` as pydantic's) and behaves like
one where the code reads it, but pydantic is imported only when something
is validated (`model_validate`) or described (`pydantic_model()`, for the
rule pages and the configuration's JSON Schema):

- `model_construct()`: the defaults, unvalidated (there is nothing to
  validate), without pydantic;
- `model_validate(data)`: validated by the pydantic model made from the
  class (same name, docstring, fields and validators), pydantic's
  `ValidationError` when invalid;
- an instance holds the values as attributes, compares by value, knows
  `model_fields_set` and `model_copy(update=...)`, and is frozen when its
  `model_config` says so.

A default that is already a pydantic `FieldInfo` (a plugin that imports
`pydantic.Field`) works too: its defaults are then read from the model.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar

_MISSING = object()


class Field:
    """pydantic's `Field(default, *, default_factory, alias, description,
    gt, ge, lt, le, ...)`, recorded and handed to pydantic when the model
    is built."""

    __slots__ = ("default", "kwargs")

    def __init__(self, default: Any = _MISSING, **kwargs: Any) -> None:
        self.default = default
        self.kwargs = kwargs

    def value(self) -> Any:
        if self.default is not _MISSING:
            return self.default
        factory = self.kwargs.get("default_factory")
        return factory() if factory is not None else _MISSING

    def to_pydantic(self):
        import pydantic

        if self.default is _MISSING:
            return pydantic.Field(**self.kwargs)
        return pydantic.Field(self.default, **self.kwargs)


def field_validator(*fields: str, mode: str = "after"):
    """pydantic's `field_validator` (on a classmethod), recorded and applied
    when the model is built."""

    def mark(method):
        func = method.__func__ if isinstance(method, classmethod) else method
        func.lazy_validator = (fields, mode)
        return method

    return mark


def _own_hints(cls: type) -> dict[str, Any]:
    """The class's own annotations, evaluated in its module (they are
    strings under `from __future__ import annotations`)."""
    module = sys.modules.get(cls.__module__)
    globalns = vars(module) if module is not None else {}
    hints = {}
    for name, hint in cls.__dict__.get("__annotations__", {}).items():
        if name.startswith("_") or name == "model_config":
            continue
        hints[name] = eval(hint, globalns, dict(vars(cls))) if isinstance(hint, str) else hint  # as typing.get_type_hints does
    return hints


class _LazyModelType(type):
    @property
    def model_fields(cls) -> dict[str, Any]:
        """pydantic's fields of the model (as `Model.model_fields` reads them)."""
        return cls.pydantic_model().model_fields


class LazyModel(metaclass=_LazyModelType):
    model_config: ClassVar[dict[str, Any]] = {}

    def __new__(cls, **data: Any) -> LazyModel:
        """`Options()` is the defaults and `Options(threshold=0.6)` a validated
        instance, as with a pydantic model (a rule built directly, in a test
        or a plugin, reads real values, never the field declarations)."""
        return cls.model_validate(data) if data else cls.model_construct()

    # -- the class ------------------------------------------------------------------

    @classmethod
    def field_names(cls) -> list[str]:
        """The declared fields, a base's first, in declaration order."""
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            if issubclass(klass, LazyModel) and klass is not LazyModel:
                for name in klass.__dict__.get("__annotations__", {}):
                    if not name.startswith("_") and name != "model_config" and name not in names:
                        names.append(name)
        return names

    @classmethod
    def pydantic_model(cls):
        """The pydantic model of this class (built once, with its name and docstring)."""
        model = cls.__dict__.get("_pydantic_model")
        if model is not None:
            return model
        import pydantic

        base = next((b for b in cls.__bases__ if issubclass(b, LazyModel) and b is not LazyModel), None)
        parent = base.pydantic_model() if base is not None else pydantic.BaseModel
        hints = _own_hints(cls)
        namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__,
                                     "__doc__": cls.__doc__, "__annotations__": {}}
        for name, hint in hints.items():
            if isinstance(hint, type) and issubclass(hint, LazyModel):
                hint = hint.pydantic_model()
            namespace["__annotations__"][name] = hint
            if name in cls.__dict__:
                value = cls.__dict__[name]
                namespace[name] = value.to_pydantic() if isinstance(value, Field) else value
        for name, value in cls.__dict__.items():
            func = value.__func__ if isinstance(value, classmethod) else value
            marked = getattr(func, "lazy_validator", None)
            if marked is not None:  # our field_validator
                namespace[name] = pydantic.field_validator(*marked[0], mode=marked[1])(classmethod(func))
            elif type(value).__module__.startswith("pydantic"):  # a plugin's pydantic validators
                namespace.setdefault(name, value)
        config = {**getattr(parent, "model_config", {}), **cls.__dict__.get("model_config", {})}
        namespace["model_config"] = pydantic.ConfigDict(**config)
        model = type(pydantic.BaseModel)(cls.__name__, (parent,), namespace)
        cls._pydantic_model = model
        return model

    @classmethod
    def model_json_schema(cls, **kwargs: Any) -> dict[str, Any]:
        return cls.pydantic_model().model_json_schema(**kwargs)

    @classmethod
    def _nested(cls) -> dict[str, type[LazyModel]]:
        """Fields whose type is itself a LazyModel (a nested table)."""
        found = {}
        for klass in reversed(cls.__mro__):
            if issubclass(klass, LazyModel) and klass is not LazyModel:
                found.update({name: hint for name, hint in _own_hints(klass).items()
                              if isinstance(hint, type) and issubclass(hint, LazyModel)})
        return found

    # -- instances ------------------------------------------------------------------

    @classmethod
    def model_construct(cls) -> LazyModel:
        """The defaults, unvalidated: as `model_validate({})` gives them."""
        values: dict[str, Any] = {}
        for name in cls.field_names():
            default = getattr(cls, name, _MISSING)
            if isinstance(default, Field):
                default = default.value()
            elif type(default).__name__ == "FieldInfo":  # a pydantic Field: pydantic is imported already
                return cls._from_model(cls.pydantic_model().model_construct(), fields_set=set())
            if default is not _MISSING:
                values[name] = default
        return cls._make(values, set())

    @classmethod
    def model_validate(cls, data: Any) -> LazyModel:
        """`data` validated by the pydantic model (raises pydantic's ValidationError)."""
        model = cls.pydantic_model().model_validate(data)
        return cls._from_model(model, set(model.model_fields_set))

    @classmethod
    def _from_model(cls, model: Any, fields_set: set[str]) -> LazyModel:
        values = {}
        nested = cls._nested()
        for name in type(model).model_fields:
            value = getattr(model, name)
            hint = nested.get(name)
            if hint is not None and value is not None and not isinstance(value, LazyModel):
                value = hint._from_model(value, set(value.model_fields_set))
            values[name] = value
        return cls._make(values, fields_set)

    @classmethod
    def _make(cls, values: dict[str, Any], fields_set: set[str]) -> LazyModel:
        obj = object.__new__(cls)
        obj.__dict__.update(values)
        obj.__dict__["model_fields_set"] = fields_set
        return obj

    def model_copy(self, update: dict[str, Any] | None = None) -> LazyModel:
        values = {k: v for k, v in self.__dict__.items() if k != "model_fields_set"}
        return self._make({**values, **(update or {})}, set(self.model_fields_set) | set(update or ()))

    def __setattr__(self, name: str, value: Any) -> None:
        if self.model_config.get("frozen"):
            raise TypeError(f"{type(self).__name__} is frozen: {name} cannot be set")
        super().__setattr__(name, value)

    def _values(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "model_fields_set"}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        if not self.model_config.get("frozen"):
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash((type(self), tuple(repr(v) for v in self._values().values())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self._values().items())})"
