"""The assistant's domain as plain YAML: the files of `domain/` (one per skill), merged.

Rasa reads the folder itself (`rasa train --domain domain`). This is for code that
only needs the domain's contents (response texts, intents, the session time): the
chat page server, the tests, the admin tool. It imports no Rasa, so it stays light.

Merged like Rasa merges a domain folder (every `.yml`/`.yaml` file below it that has a
domain key), with one difference: a name given twice is an error here, never an
override. An intent, entity or action listed in two files, a slot, form or response
defined in two files, or a key repeated inside one file raises `DomainError`; so do two
different `version`s or `session_config`s.

    from contact_center.domain_files import load_domain
    responses = load_domain()["responses"]
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Union

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_DIR = ROOT / "domain"

LIST_KEYS = ("intents", "entities", "actions", "e2e_actions")  # lists of names (or {name: properties})
MAP_KEYS = ("slots", "forms", "responses")  # mappings from names
# Rasa's ALL_DOMAIN_KEYS: a YAML file with none of them is not a domain file.
DOMAIN_KEYS = ("slots", "forms", "actions", "entities", "intents", "responses", "e2e_actions", "session_config")
YAML_SUFFIXES = (".yml", ".yaml")

PathLike = Union[str, Path]


class DomainError(ValueError):
    """The domain files cannot be merged: a name is given twice, or a file is not a mapping."""


class _StrictLoader(yaml.SafeLoader):
    """yaml.safe_load, except that a key repeated in one mapping is an error (not the last one winning)."""


def _mapping_without_repeats(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Dict[Any, Any]:
    loader.flatten_mapping(node)
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise DomainError(f"line {key_node.start_mark.line + 1}: {key!r} is given twice")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats)


def read_domain_file(path: PathLike) -> Dict[str, Any]:
    """One domain file as plain YAML ({} when empty); a key repeated inside it is a DomainError."""
    path = Path(path)
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 (a SafeLoader)
    except DomainError as error:
        raise DomainError(f"{path}: {error}") from None
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise DomainError(f"{path}: a domain file must be a mapping, not {type(content).__name__}")
    return content


def domain_files(path: PathLike = DOMAIN_DIR) -> List[Path]:
    """The domain's files, sorted: every YAML file with a domain key below the folder `path`
    (as Rasa reads it), or `path` itself when it is one file (e.g. another project's domain.yml)."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"no domain at {path}")
    found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in YAML_SUFFIXES)
    return [p for p in found if any(key in read_domain_file(p) for key in DOMAIN_KEYS)]


def item_name(item: Any) -> str:
    """The name of an intents/entities/actions item: `greet`, or `form_type` for `{form_type: {...}}`."""
    return item if isinstance(item, str) else next(iter(item))


def merge_domains(parts: Dict[PathLike, Dict[str, Any]]) -> Dict[str, Any]:
    """Merges plain domain dicts ({file: content}, in order); a name in two of them is a DomainError."""
    merged: Dict[str, Any] = {}
    origin: Dict[tuple, PathLike] = {}  # (key, name) -> the file that gave it

    def claim(key: str, name: Any, source: PathLike) -> None:
        if (key, name) in origin:
            raise DomainError(f"{key} {name!r} is in {origin[(key, name)]} and in {source}: keep it in one file")
        origin[(key, name)] = source

    for source, part in parts.items():
        for key, value in part.items():
            if key in LIST_KEYS:
                for item in value or []:
                    claim(key, item_name(item), source)
                merged.setdefault(key, []).extend(value or [])
            elif key in MAP_KEYS:
                for name in value or {}:
                    claim(key, name, source)
                merged.setdefault(key, {}).update(value or {})
            elif key in merged and merged[key] != value:
                raise DomainError(f"{key} is {merged[key]!r} in {origin[(key, None)]} but {value!r} in {source}")
            else:
                merged[key] = value
                origin.setdefault((key, None), source)
    return merged


def load_domain(path: PathLike = DOMAIN_DIR) -> Dict[str, Any]:
    """The whole domain as one plain dict (intents, entities, slots, forms, actions, responses,
    session_config, version), from the folder `path` (default: this repository's domain/)."""
    return merge_domains({p: read_domain_file(p) for p in domain_files(path)})
