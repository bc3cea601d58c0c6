"""What the Python end-to-end tests share: the fixed environment the binary
runs in, and failures collected as a test goes on, reported at its end."""
import json
import os
import sys
from pathlib import Path

failures = []


def environment(**extra):
    """PATH, a UTF-8 locale, TERM=dumb, a fixed APIGAP_TODAY and the sanitizer options when set, then `extra`
    (a value replaces one)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TERM": "dumb",
           "APIGAP_TODAY": "2026-06-15"}
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(extra)
    return env


def schema_validator(root: Path, schema_path: Path):
    """A validator for the schema at `schema_path` that resolves its references to docs/schema/'s offline (by
    their `$id`)."""
    import jsonschema  # Debian's python3-jsonschema
    store = {}
    for path in (root / "docs/schema").glob("*.schema.json"):
        schema = json.loads(path.read_text())
        if "$id" in schema:
            store[schema["$id"]] = schema
    schema = json.loads(schema_path.read_text())
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def check(condition, message):
    """Records `message` as a failure unless `condition` holds; returns `condition`."""
    if not condition:
        failures.append(message)
    return condition


def finish():
    """Prints each failure and exits 1 when there was any, else 0."""
    for failure in failures:
        print(f"FAIL: {failure}")
    sys.exit(1 if failures else 0)
