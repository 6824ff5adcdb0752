"""Checks API responses against the OpenAPI document: the operation's documented status and
the schema of its JSON body (jsonschema, draft 2020-12, as OpenAPI 3.1 uses)."""

from __future__ import annotations

import re
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

DOC_URI = "urn:tracker:openapi"
_CONVERTER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def openapi_path(rule: str) -> str:
    """A werkzeug rule as an OpenAPI path: /api/claims/<int:claim_id> -> /api/claims/{claim_id}."""
    return _CONVERTER.sub(r"{\1}", rule)


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


class ResponseChecker:
    """Validates responses against one OpenAPI document."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.registry: Registry[Any] = Registry().with_resource(
            DOC_URI, DRAFT202012.create_resource(doc)
        )
        self._validators: dict[str, Draft202012Validator] = {}

    def _validator(self, pointer: str) -> Draft202012Validator:
        if pointer not in self._validators:
            self._validators[pointer] = Draft202012Validator(
                {"$ref": f"{DOC_URI}#{pointer}"}, registry=self.registry
            )
        return self._validators[pointer]

    def response_pointer(self, method: str, rule: str | None, status: int) -> str | None:
        """The JSON pointer of the schema a response must follow; None if it is undocumented.

        A request no route matched (unknown path, wrong method) must answer the Error schema."""
        op = self.doc["paths"].get(openapi_path(rule), {}).get(method.lower()) if rule else None
        if op is None:
            return "/components/schemas/Error"
        responses = op["responses"]
        key = str(status) if str(status) in responses else "default"
        if key not in responses:
            return None
        response = responses[key]
        if "$ref" in response:
            pointer = str(response["$ref"]).removeprefix("#")
        else:
            pointer = f"/paths/{_escape(openapi_path(rule or ''))}/{method.lower()}/responses/{key}"
        return pointer + "/content/application~1json/schema"

    def problems(
        self, method: str, rule: str | None, status: int, mimetype: str | None, body: Any
    ) -> list[str]:
        """What is wrong with the response (empty when it follows the document)."""
        pointer = self.response_pointer(method, rule, status)
        if pointer is None:
            return [f"status {status} is not documented for {method} {rule}"]
        if mimetype != "application/json":
            return [f"answered {mimetype}, not application/json"]
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}"
            for e in self._validator(pointer).iter_errors(body)
        ]
