"""Audit the locked dependencies against OSV-format vulnerability advisories.

    python -m scripts.audit_dependencies [--advisories DIR ...] [--report audit.md]

Reads every pinned package from requirements/lock.txt (PyPI) and web/package-lock.json (npm)
and matches them against either local advisory directories (a checkout of
pypa/advisory-database, an extracted OSV export; YAML or JSON, searched recursively; also
$ADVISORY_DB) or, when none is given, the OSV API (api.osv.dev).

Exit codes: 0 no HIGH/CRITICAL/UNKNOWN finding outside requirements/audit-accepted.yml;
1 such findings exist; 2 bad input (unreadable lock or accepted list); 3 nothing could be
checked (no advisories read, the OSV API unreachable, or a lock's ecosystem has no advisories)
- the audit never says "clean" about packages it did not check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import yaml
from packaging.version import InvalidVersion, Version

from contact_center import settings

REPO_ROOT = Path(__file__).resolve().parent.parent
OSV_BATCH_URL = "https://api.osv.dev/v1/querybatch"
STALE_DAYS = 30  # a local database older than this gets a warning
OSV_TIMEOUT = 20  # seconds; a hung API must fail the audit (exit 3), not hang CI
PYPI, NPM = "PyPI", "npm"

# GHSA's vocabulary; UNKNOWN blocks like HIGH because an unrated advisory may well be severe.
RANK = {"LOW": 1, "MODERATE": 2, "HIGH": 3, "CRITICAL": 4}
BLOCKING = {"HIGH", "CRITICAL", "UNKNOWN"}
DISPLAY_ORDER = ["CRITICAL", "HIGH", "UNKNOWN", "MODERATE", "LOW"]

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster


class AuditError(Exception):
    """Bad input that makes the audit meaningless (exit 2)."""


class NoSourceError(Exception):
    """No vulnerability data could be read (exit 3)."""


# --- CVSS v3.x base score (FIRST.org CVSS v3.1 specification, section 7) --------------------

_CVSS_WEIGHTS = {
    "AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
    "AC": {"L": 0.77, "H": 0.44},
    "UI": {"N": 0.85, "R": 0.62},
    "C": {"H": 0.56, "L": 0.22, "N": 0.0},
    "I": {"H": 0.56, "L": 0.22, "N": 0.0},
    "A": {"H": 0.56, "L": 0.22, "N": 0.0},
}
# Privileges Required weighs more when the scope changes.
_CVSS_PR = {"U": {"N": 0.85, "L": 0.62, "H": 0.27}, "C": {"N": 0.85, "L": 0.68, "H": 0.5}}


def cvss_roundup(value: float) -> float:
    """The spec's Roundup: smallest one-decimal number >= value, robust to float error."""
    int_input = round(value * 100000)
    if int_input % 10000 == 0:
        return int_input / 100000.0
    return (math.floor(int_input / 10000) + 1) / 10.0


def cvss3_base_score(vector: str) -> float:
    """Base score of a CVSS:3.0/3.1 vector; ValueError if it is not one."""
    parts = vector.strip().split("/")
    if not parts[0].startswith("CVSS:3"):
        raise ValueError(f"not a CVSS v3 vector: {vector!r}")
    metrics = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
    try:
        scope = metrics["S"]
        av, ac, ui = (_CVSS_WEIGHTS[m][metrics[m]] for m in ("AV", "AC", "UI"))
        pr = _CVSS_PR[scope][metrics["PR"]]
        c, i, a = (_CVSS_WEIGHTS[m][metrics[m]] for m in ("C", "I", "A"))
    except KeyError as exc:
        raise ValueError(f"incomplete or invalid CVSS v3 vector: {vector!r}") from exc
    iss = 1 - (1 - c) * (1 - i) * (1 - a)
    if scope == "U":
        impact = 6.42 * iss
    else:
        impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15
    exploitability = 8.22 * av * ac * pr * ui
    if impact <= 0:
        return 0.0
    if scope == "U":
        return cvss_roundup(min(impact + exploitability, 10))
    return cvss_roundup(min(1.08 * (impact + exploitability), 10))


def rating(score: float) -> str:
    """CVSS qualitative rating, in GHSA's words (MODERATE = CVSS 'Medium')."""
    if score >= 9.0:
        return "CRITICAL"
    if score >= 7.0:
        return "HIGH"
    if score >= 4.0:
        return "MODERATE"
    return "LOW"  # includes 0.0 ('None'), which never blocks


def advisory_severity(adv: dict) -> str:
    """database_specific.severity (GHSA) if present, else the CVSS v3 vector, else UNKNOWN."""
    label = str((adv.get("database_specific") or {}).get("severity") or "").upper()
    label = {"MEDIUM": "MODERATE"}.get(label, label)
    if label in RANK:
        return label
    for sev in adv.get("severity") or []:
        if sev.get("type") == "CVSS_V3":
            try:
                return rating(cvss3_base_score(str(sev.get("score", ""))))
            except ValueError:
                continue
    return "UNKNOWN"


# --- versions and ranges ---------------------------------------------------------------------


def normalize_name(ecosystem: str, name: str) -> str:
    if ecosystem == PYPI:
        return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503
    return name.strip()  # npm names are already canonical (lowercase since 2017)


_SEMVER = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def semver_key(version: str) -> tuple:
    """Sort key per semver.org section 11: a release sorts after its pre-releases."""
    m = _SEMVER.match(version.strip())
    if not m:
        raise ValueError(f"not a semver version: {version!r}")
    major, minor, patch, pre = m.groups()
    if pre is None:
        pre_key: tuple = (1,)
    else:  # numeric identifiers sort numerically and below alphanumeric ones
        ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
        pre_key = (0, ids)
    return (int(major), int(minor), int(patch), pre_key)


def version_key(ecosystem: str, range_type: str, version: str):
    """A comparable key; raises ValueError for a version this ecosystem cannot order."""
    if range_type == "SEMVER" or ecosystem == NPM:
        return semver_key(version)
    try:
        return Version(version)
    except InvalidVersion as exc:
        raise ValueError(str(exc)) from exc


def _in_range(ecosystem: str, rng: dict, version: str) -> tuple[bool, Optional[str]]:
    """(affected, fixed-in) for one ECOSYSTEM/SEMVER range, per the OSV spec's evaluation."""
    rtype = rng.get("type")
    v = version_key(ecosystem, rtype, version)
    events = []
    for event in rng.get("events") or []:
        (kind, value), = event.items()  # each event holds exactly one key
        value = str(value)
        if kind == "limit":  # only meaningful for GIT ranges
            continue
        # "introduced: 0" means "since the beginning": sort it before every version.
        if kind == "introduced" and value == "0":
            key: tuple = (0,)
        else:
            key = (1, version_key(ecosystem, rtype, value))
        events.append((key, kind, value))
    events.sort(key=lambda e: e[0])
    affected = False
    for key, kind, _value in events:
        here = key == (0,) or key[1] <= v
        if kind == "introduced" and here:
            affected = True
        elif kind == "fixed" and here:
            affected = False
        elif kind == "last_affected" and key[1] < v:
            affected = False
    fixed = next((val for key, kind, val in events if kind == "fixed" and key[1] > v), None)
    return affected, (fixed if affected else None)


def affects(ecosystem: str, affected: dict, version: str) -> tuple[bool, Optional[str]]:
    """Does one affected[] entry cover this version? Returns (affected, fixed-in)."""
    listed = [str(x) for x in affected.get("versions") or []]
    hit = version in listed
    if not hit and ecosystem == PYPI:  # 1.0 == 1.0.0 under PEP 440
        try:
            hit = Version(version) in {Version(x) for x in listed if _pep440(x)}
        except InvalidVersion:
            pass
    fixed = None
    for rng in affected.get("ranges") or []:
        if rng.get("type") not in ("ECOSYSTEM", "SEMVER"):
            continue  # GIT ranges name commits, not releases
        try:
            in_rng, rng_fixed = _in_range(ecosystem, rng, version)
        except (ValueError, TypeError, AttributeError):
            continue  # unorderable versions: fall back on the explicit versions list
        hit = hit or in_rng
        fixed = fixed or rng_fixed
    if hit and fixed is None:  # listed only: name the first fix any range gives
        fixes = [str(e["fixed"]) for r in affected.get("ranges") or [] if r.get("type") != "GIT"
                 for e in r.get("events") or [] if "fixed" in e]
        fixed = fixes[0] if fixes else None
    return hit, fixed


def _pep440(text: str) -> bool:
    try:
        Version(text)
        return True
    except InvalidVersion:
        return False


# --- locks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Package:
    ecosystem: str
    name: str
    version: str


_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def read_python_lock(path: Path) -> list[Package]:
    """Pins from a pip/uv requirements lock: `name==version \\` then --hash and # via lines."""
    pkgs = {Package(PYPI, normalize_name(PYPI, m[1]), m[2])
            for m in map(_PIN.match, _read(path).splitlines()) if m}
    if not pkgs:
        raise AuditError(f"{path}: no `name==version` pins found - has the lock format changed?")
    return sorted(pkgs, key=lambda p: p.name)


def read_npm_lock(path: Path) -> list[Package]:
    """Installed packages from an npm lockfile v2/v3 ("packages" map keyed by install path)."""
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise AuditError(f"{path}: not valid JSON ({exc})") from exc
    pkgs = set()
    for key, meta in (data.get("packages") or {}).items():
        if not key or meta.get("link") or "version" not in meta:
            continue  # "" is the project itself; links point at another entry
        name = meta.get("name") or key.rsplit("node_modules/", 1)[-1]
        pkgs.add(Package(NPM, name, str(meta["version"])))
    if not pkgs:
        raise AuditError(f"{path}: no packages found (needs lockfileVersion 2 or 3)")
    return sorted(pkgs, key=lambda p: p.name)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AuditError(f"cannot read {path}: {exc.strerror or exc}") from exc


# --- advisories ------------------------------------------------------------------------------


@dataclass
class AdvisorySet:
    advisories: list = field(default_factory=list)
    withdrawn: int = 0
    unreadable: list = field(default_factory=list)
    newest_modified: Optional[dt.datetime] = None
    by_ecosystem: dict = field(default_factory=dict)  # ecosystem -> advisory count

    def add(self, adv: dict) -> None:
        if adv.get("withdrawn"):
            self.withdrawn += 1
            return
        self.advisories.append(adv)
        modified = _parse_time(adv.get("modified"))
        if modified and (self.newest_modified is None or modified > self.newest_modified):
            self.newest_modified = modified
        for eco in {(a.get("package") or {}).get("ecosystem") for a in adv.get("affected") or []}:
            if eco:
                self.by_ecosystem[eco] = self.by_ecosystem.get(eco, 0) + 1


def _parse_time(value) -> Optional[dt.datetime]:
    if isinstance(value, dt.datetime):  # YAML may already have parsed the timestamp
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if not value:
        return None
    text = re.sub(r"(\.\d{6})\d+", r"\1", str(value)).replace("Z", "+00:00")  # py3.10 fromisoformat
    try:
        return _parse_time(dt.datetime.fromisoformat(text))
    except ValueError:
        return None


def load_advisory_dirs(dirs: Iterable[Path]) -> AdvisorySet:
    result = AdvisorySet()
    for root in dirs:
        if not root.is_dir():
            result.unreadable.append(f"{root} (not a directory)")
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".yaml", ".yml", ".json") or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
                if path.suffix == ".json":
                    doc = json.loads(text)
                else:
                    doc = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a SafeLoader
            except (OSError, ValueError, yaml.YAMLError) as exc:
                result.unreadable.append(f"{path}: {exc}")
                continue
            for adv in doc if isinstance(doc, list) else [doc]:
                if isinstance(adv, dict) and adv.get("id") and "affected" in adv:
                    result.add(adv)
    return result


def query_osv(packages: list[Package], batch_url: str) -> AdvisorySet:
    """Ask the OSV API which advisories affect each package, then fetch each one in full.

    The API's verdict is final: each (package, advisory) pair it reports is added to the
    advisory as an explicit `versions` entry, so the local matcher cannot drop it. An
    advisory whose details cannot be fetched is kept with UNKNOWN severity (fail-safe)."""
    import requests  # only the online path needs it

    vulns_url = batch_url.rsplit("/", 1)[0] + "/vulns/"
    hits: dict[str, list[Package]] = {}
    pending = [(p, {"package": {"name": p.name, "ecosystem": p.ecosystem}, "version": p.version})
               for p in packages]
    try:
        while pending:
            batch, pending = pending[:1000], pending[1000:]  # the API's batch limit
            resp = requests.post(batch_url, json={"queries": [q for _, q in batch]},
                                 timeout=OSV_TIMEOUT)
            resp.raise_for_status()
            results = resp.json().get("results") or []
            if len(results) != len(batch):  # zip() would silently leave packages unchecked
                raise ValueError(f"{len(results)} results for {len(batch)} queries")
            for (pkg, query), res in zip(batch, results):
                for vuln in res.get("vulns") or []:
                    hits.setdefault(vuln["id"], []).append(pkg)
                if res.get("next_page_token"):  # more results for this package
                    pending.append((pkg, {**query, "page_token": res["next_page_token"]}))
    except (requests.RequestException, ValueError, KeyError, AttributeError) as exc:
        raise NoSourceError(f"OSV API unreachable at {batch_url}: {exc}") from exc
    result = AdvisorySet()
    for vid, pkgs in sorted(hits.items()):
        try:
            resp = requests.get(vulns_url + vid, timeout=OSV_TIMEOUT)
            resp.raise_for_status()
            adv = resp.json()
        except (requests.RequestException, ValueError) as exc:
            result.unreadable.append(f"{vid}: {exc}")
            adv = {"id": vid}
        adv["affected"] = list(adv.get("affected") or []) + [
            {"package": {"ecosystem": p.ecosystem, "name": p.name}, "versions": [p.version]}
            for p in pkgs]
        result.add(adv)
    return result


# --- findings and the accepted list ----------------------------------------------------------


@dataclass
class Finding:
    package: Package
    ids: list  # primary id first, then aliases
    severity: str
    fixed: Optional[str]
    accepted: Optional[dict] = None
    note: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity in BLOCKING and self.accepted is None


def find_vulnerabilities(packages: list[Package], advisories: AdvisorySet) -> list[Finding]:
    index: dict = {}
    for adv in advisories.advisories:
        for aff in adv.get("affected") or []:
            pkg = aff.get("package") or {}
            if pkg.get("ecosystem") in (PYPI, NPM) and pkg.get("name"):
                key = (pkg["ecosystem"], normalize_name(pkg["ecosystem"], pkg["name"]))
                index.setdefault(key, []).append((adv, aff))
    findings = []
    for pkg in packages:
        hits = []
        for adv, aff in index.get((pkg.ecosystem, pkg.name), []):
            hit, fixed = affects(pkg.ecosystem, aff, pkg.version)
            if hit:
                hits.append((adv, fixed))
        findings.extend(_merge_aliases(pkg, hits))
    return findings


def _merge_aliases(pkg: Package, hits: list) -> list[Finding]:
    """One finding per vulnerability: a PYSEC and a GHSA entry for the same CVE merge."""
    groups: list[tuple[set, list]] = []
    for adv, fixed in hits:
        names = {adv["id"], *(adv.get("aliases") or [])}
        group = next((g for g in groups if g[0] & names), None)
        if group:
            group[0].update(names)
            group[1].append((adv, fixed))
        else:
            groups.append((names, [(adv, fixed)]))
    out = []
    for names, members in groups:
        primary = members[0][0]["id"]
        known = [s for s in (advisory_severity(a) for a, _ in members) if s in RANK]
        severity = max(known, key=RANK.get) if known else "UNKNOWN"
        fixes = [f for _, f in members if f]
        fixed = max(fixes, key=lambda f: _safe_key(pkg.ecosystem, f)) if fixes else None
        out.append(Finding(pkg, [primary, *sorted(names - {primary})], severity, fixed))
    return out


def _safe_key(ecosystem: str, version: str):
    try:
        return (1, version_key(ecosystem, "ECOSYSTEM", version))
    except ValueError:
        return (0, version)  # unorderable: sorts below any orderable version


def load_accepted(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        doc = yaml.safe_load(_read(path)) or []
    except yaml.YAMLError as exc:
        raise AuditError(f"{path}: invalid YAML ({exc})") from exc
    entries = doc.get("accepted", []) if isinstance(doc, dict) else doc
    required = ("id", "package", "version", "reason", "review_by")
    for n, entry in enumerate(entries or [], 1):
        missing = [k for k in required if not isinstance(entry, dict) or not entry.get(k)]
        if missing:
            raise AuditError(f"{path}: entry {n} lacks {', '.join(missing)}")
        if not isinstance(entry["version"], str):  # YAML reads 3.10 as the float 3.1
            raise AuditError(f"{path}: entry {n}: quote the version ('{entry['version']}')")
        try:
            entry["review_by"] = _as_date(entry["review_by"])
        except ValueError as exc:
            raise AuditError(f"{path}: entry {n}: review_by is not a YYYY-MM-DD date") from exc
    return list(entries or [])


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def apply_accepted(findings: list[Finding], accepted: list[dict],
                   today: Optional[dt.date] = None) -> list[dict]:
    """Mark accepted findings; return accepted entries that no longer match any finding.

    An acceptance past its review_by date no longer counts, so nobody forgets to review it."""
    today = today or dt.date.today()
    used = set()
    for finding in findings:
        pkg = finding.package
        for n, entry in enumerate(accepted):
            eco = entry.get("ecosystem", pkg.ecosystem)
            if (eco == pkg.ecosystem
                    and normalize_name(eco, str(entry["package"])) == pkg.name
                    and str(entry["version"]) == pkg.version
                    and str(entry["id"]) in finding.ids):
                used.add(n)
                review_by = _as_date(entry["review_by"])
                if review_by < today:
                    finding.note = f"acceptance expired {review_by} - review it"
                else:
                    finding.accepted = entry
                break
    return [e for n, e in enumerate(accepted) if n not in used]


# --- output ----------------------------------------------------------------------------------


def _table(findings: list[Finding]) -> list[str]:
    rows = [["Package", "Version", "Advisory (aliases)", "Severity", "Fixed in", "Accepted"],
            ["---"] * 6]
    for f in findings:
        ids = f.ids[0] + (f" ({', '.join(f.ids[1:])})" if len(f.ids) > 1 else "")
        if f.accepted:
            acc = f"yes: {f.accepted['reason']}"
        else:
            acc = f"no - {f.note}" if f.note else "no"
        rows.append([f.package.name, f.package.version, ids, f.severity, f.fixed or "-", acc])
    return ["| " + " | ".join(" ".join(str(c).replace("|", "/").split()) for c in row) + " |"
            for row in rows]


def _sort(findings: list[Finding]) -> list[Finding]:
    return sorted(findings,
                  key=lambda f: (DISPLAY_ORDER.index(f.severity), f.package.name, f.ids[0]))


def render(findings, stale, summary: list[str]) -> list[str]:
    lines = []
    blocking = _sort([f for f in findings if f.blocking])
    if blocking:
        lines += [f"## {len(blocking)} unaccepted HIGH/CRITICAL/UNKNOWN finding(s)",
                  "(UNKNOWN = the advisory carries no severity; treated as HIGH to fail safe)", ""]
        lines += _table(blocking) + [""]
    rest = _sort([f for f in findings if not f.blocking])
    if rest:
        lines += [f"## {len(rest)} other finding(s) (accepted, or below HIGH)", ""]
        lines += _table(rest) + [""]
    if stale:
        lines += ["## Stale accepted entries (no longer match a finding - fixed? remove them)", ""]
        lines += [f"- {e['id']} {e['package']}=={e['version']}" for e in stale] + [""]
    return lines + ["## Summary", ""] + [f"- {s}" for s in summary]


def _summary(locks, advisories: AdvisorySet, source: str, local: bool,
             findings: list[Finding], stale: list, unchecked: list) -> list[str]:
    counts = {s: sum(f.severity == s for f in findings) for s in DISPLAY_ORDER}
    newest = advisories.newest_modified.isoformat() if advisories.newest_modified else "unknown"
    per_eco = ", ".join(f"{k} {v}" for k, v in sorted(advisories.by_ecosystem.items())) or "none"
    lines = [f"packages checked: {len(pkgs)} {eco} from {lock}" for eco, lock, pkgs in locks]
    lines += [
        f"advisories read: {len(advisories.advisories)} from {source} ({per_eco}; "
        f"{advisories.withdrawn} withdrawn skipped; {len(advisories.unreadable)} unreadable)",
        f"newest advisory modified: {newest} (advisories newer than this were not checked)",
    ]
    if advisories.newest_modified and local:
        age = (dt.datetime.now(dt.timezone.utc) - advisories.newest_modified).days
        if age > STALE_DAYS:
            lines.append(f"WARNING: the advisory data is {age} days old - update it; "
                         "vulnerabilities published since then are not detected")
    accepted = sum(f.accepted is not None for f in findings)
    lines += [
        f"findings: {len(findings)} - " + ", ".join(f"{s} {n}" for s, n in counts.items()),
        f"accepted: {accepted}; not accepted: {len(findings) - accepted} "
        f"({sum(f.blocking for f in findings)} blocking); stale accepted entries: {len(stale)}",
    ]
    lines += [f"NOT CHECKED: {n} {eco} packages from {lock} - no {eco} advisories were read"
              for eco, lock, n in unchecked]
    return lines + [f"unreadable: {u}" for u in advisories.unreadable[:5]]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.audit_dependencies",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", default=str(REPO_ROOT / "requirements/lock.txt"),
                        help="pip/uv requirements lock ('' to skip)")
    parser.add_argument("--npm-lock", default=str(REPO_ROOT / "web/package-lock.json"),
                        help="npm package-lock.json ('' to skip)")
    parser.add_argument("--advisories", action="append", default=[], metavar="DIR",
                        help="OSV advisory directory, repeatable "
                             "(default: $ADVISORY_DB, else the OSV API)")
    parser.add_argument("--osv-url", default=OSV_BATCH_URL)
    parser.add_argument("--accepted", default=str(REPO_ROOT / "requirements/audit-accepted.yml"))
    parser.add_argument("--report", help="also write the result as markdown to this path")
    args = parser.parse_args(argv)

    try:
        locks = []
        if args.lock:
            locks.append((PYPI, args.lock, read_python_lock(Path(args.lock))))
        if args.npm_lock:
            locks.append((NPM, args.npm_lock, read_npm_lock(Path(args.npm_lock))))
        accepted = load_accepted(Path(args.accepted))
    except AuditError as exc:
        print(f"audit: error: {exc}", file=sys.stderr)
        return 2
    packages = [p for _, _, pkgs in locks for p in pkgs]

    dirs = args.advisories or [d for d in (settings.text("ADVISORY_DB") or "").split(os.pathsep) if d]
    try:
        if dirs:
            advisories = load_advisory_dirs(Path(d) for d in dirs)
            source = "advisory dir(s) " + ", ".join(dirs)
            if not advisories.advisories:
                raise NoSourceError(f"no advisories could be read from {', '.join(dirs)}")
        else:
            advisories = query_osv(packages, args.osv_url)
            source = f"OSV API {args.osv_url}"
    except NoSourceError as exc:
        print(f"audit: NOT CHECKED - {exc}", file=sys.stderr)
        return 3

    findings = find_vulnerabilities(packages, advisories)
    stale = apply_accepted(findings, accepted)

    # A local database that holds no advisories for an ecosystem checked nothing for it.
    unchecked = [(eco, lock, len(pkgs)) for eco, lock, pkgs in locks
                 if dirs and not advisories.by_ecosystem.get(eco)]
    blocking = [f for f in findings if f.blocking]
    summary = _summary(locks, advisories, source, bool(dirs), findings, stale, unchecked)
    if blocking:
        verdict, code = f"FAIL: {len(blocking)} unaccepted HIGH/CRITICAL/UNKNOWN finding(s)", 1
    elif unchecked:
        missing = "; ".join(f"no {eco} advisories were read" for eco, _, _ in unchecked)
        verdict, code = f"NOT CHECKED: {missing}", 3
    else:
        as_of = (f"advisories up to {advisories.newest_modified.date()}"
                 if dirs and advisories.newest_modified else source)
        verdict, code = f"OK: no unaccepted HIGH/CRITICAL/UNKNOWN findings ({as_of})", 0
    lines = render(findings, stale, summary + [f"result: {verdict} (exit {code})"])
    print("\n".join(lines))
    if args.report:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        Path(args.report).write_text(f"# Dependency audit ({stamp})\n\n" + "\n".join(lines) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
