"""Where a Rasa project keeps what the admin commands read and write.

The defaults are this repository's layout (README "Layout"); every path can be
pointed elsewhere, which is how the tests run the whole workflow on a small
temporary copy of the project.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Dict, List, Optional

from contact_center import settings
from contact_center.domain_files import domain_files, load_domain

REPO_ROOT = Path(__file__).resolve().parents[1]
STATE_DIR_ENV = "RASA_ADMIN_STATE_DIR"


class AdminError(Exception):
    """A refusal or failure the admin should read; the CLI prints it and exits 1."""


@dataclass
class Project:
    root: Path
    state_dir_override: Optional[Path] = None

    @classmethod
    def at(cls, root: Optional[str] = None, state_dir: Optional[str] = None) -> "Project":
        path = Path(root).resolve() if root else REPO_ROOT
        if not ((path / "domain").is_dir() or (path / "domain.yml").is_file()):
            raise AdminError(f"{path} is not a Rasa project: no domain/ folder or domain.yml there (use --project)")
        override = state_dir or settings.text(STATE_DIR_ENV)
        return cls(path, Path(override).resolve() if override else None)

    def make_importable(self) -> None:
        """Custom components named in config.yml (nlu_components.*) must import when
        training or loading a model: the project's and this repository's roots go on
        the end of sys.path (never before installed packages)."""
        import sys

        for path in (str(self.root), str(REPO_ROOT)):
            if path not in sys.path:
                sys.path.append(path)

    # Files -------------------------------------------------------------------
    @property
    def config(self) -> Path:
        return self.root / "config.yml"

    @property
    def domain_path(self) -> Path:
        """The domain folder (domain/, one file per skill), or a project's single domain.yml."""
        folder = self.root / "domain"
        return folder if folder.is_dir() or not (self.root / "domain.yml").is_file() else self.root / "domain.yml"

    @property
    def domain_files(self) -> List[Path]:
        """The files the domain is read from (what its fingerprint hashes)."""
        return domain_files(self.domain_path)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def nlu_dir(self) -> Path:
        return self.data / "nlu"

    @property
    def endpoints(self) -> Path:
        return self.root / "endpoints.yml"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def current_model(self) -> Path:
        """The model `make run` serves after a restart."""
        return self.models / "current.tar.gz"

    @property
    def candidates_dir(self) -> Path:
        return self.models / "candidates"

    @property
    def archive_dir(self) -> Path:
        """Every model that has been live, kept for rollback."""
        return self.models / "archive"

    @property
    def state_dir(self) -> Path:
        return self.state_dir_override or self.root / "var" / "admin"

    @property
    def api_token_file(self) -> Path:
        return self.root / "var" / "api-token"

    def dev_files(self) -> Dict[str, Path]:
        """tests/nlu/dev_<lang>.yml by language: the development set (held out from training),
        which the gate and the labels check use. The test set beside it is read by the NLU
        benchmark only (benchmarks/nlu_benchmark.py), never by the admin commands."""
        folder = self.root / "tests" / "nlu"
        return {p.stem.split("_", 1)[1]: p for p in sorted(folder.glob("dev_*.yml"))}

    heldout_files = dev_files  # the former name: the development set

    def languages(self) -> List[str]:
        """Languages with a training-data folder (data/nlu/<lang>/), e.g. en, es."""
        return sorted(
            p.name for p in self.nlu_dir.iterdir() if p.is_dir() and len(p.name) == 2
        ) if self.nlu_dir.exists() else []

    # Domain ------------------------------------------------------------------
    @cached_property
    def _domain(self) -> dict:
        return load_domain(self.domain_path)

    @property
    def intents(self) -> List[str]:
        return [i if isinstance(i, str) else next(iter(i)) for i in self._domain.get("intents", [])]

    @property
    def entities(self) -> List[str]:
        return [e if isinstance(e, str) else next(iter(e)) for e in self._domain.get("entities", [])]

    def relative(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root))
        except ValueError:
            return str(path)
