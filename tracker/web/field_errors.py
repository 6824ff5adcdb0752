"""Form errors beside their fields: a service refusal put on the field it is about, and every
field with an error marked for assistive technology (aria-invalid, aria-describedby naming the
message's id, which the templates give as "<field id>-error")."""

from __future__ import annotations

from collections.abc import Iterator

from flask_wtf import FlaskForm
from wtforms import Field, FieldList, Form, FormField

from ..services.errors import InvalidInput
from .messages import explain


def fields(form: Form) -> Iterator[Field]:
    """Every input field of the form, those inside lists and sub-forms included."""
    for field in form:
        if isinstance(field, FieldList):
            for entry in field:
                yield from fields(entry.form) if isinstance(entry, FormField) else [entry]
        elif isinstance(field, FormField):
            yield from fields(field.form)
        else:
            yield field


def blame(form: FlaskForm, err: InvalidInput, default: str) -> Field | None:
    """Put the refusal on the field named by `err.about` (its id without the form's prefix,
    e.g. "hops-1-source"), else on `default`; the field it landed on (None: the form has
    neither)."""
    by_id = {f.id: f for f in fields(form)}
    prefix = str(getattr(form, "_prefix", "") or "")
    field = by_id.get(prefix + (err.about or "")) or by_id.get(prefix + default)
    if field is not None:
        field.errors = [*field.errors, explain(err)]
    return field


def mark_invalid(form: Form) -> None:
    """aria-invalid and aria-describedby on every field with an error (kept descriptions too)."""
    for field in fields(form):
        if not field.errors or getattr(field.widget, "input_type", "") == "hidden":
            continue
        kw = dict(field.render_kw or {})
        described = " ".join(filter(None, [kw.get("aria-describedby"), f"{field.id}-error"]))
        kw.update({"aria-invalid": "true", "aria-describedby": described})
        field.render_kw = kw
