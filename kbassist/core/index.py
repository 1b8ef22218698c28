"""The on-disk Whoosh index of a KB folder (the only Whoosh writer): incremental updates, version stamp, self-repair."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.filedb.filestore import FileStorage
from whoosh.fields import ID, TEXT, Schema
from whoosh.writing import NO_MERGE

from kbassist.core import analysis
from kbassist.core.analysis import Segmenter
from kbassist.core.kb import KbError, Signature, parse_file, read_file, resolve_duplicates, scan_signatures, signature
from kbassist.core.model import BlockKind, Entry, Problem

log = logging.getLogger("kbassist.index")

# Bump when the fields below or the file layout change; with analysis.ANALYSIS_VERSION it is the index's version stamp.
# 3: segments as separate files (see WRITER_OPTIONS).
SCHEMA_VERSION = 3
# Each segment as separate files, not one compound file: the searcher then reads them as plain files through the OS
# page cache. A compound file can only be read fast through mmap, and Whoosh copies every part it maps into memory
# (BytesIO): the index would be resident twice, ~5 MB at 1k entries and ~25 MB at 5k, for the same search speed.
WRITER_OPTIONS = {"compound": False}
CURRENT_FILE = "CURRENT"
MANIFEST_FILE = "manifest.pkl"
# File records (parsed entries) live in buckets beside the manifest, so saving after a one-file change
# rewrites one small bucket, not every entry of a 20k-entry KB.
RECORDS_PREFIX = "records-"
RECORD_BUCKETS = 64
STAMP_FILE = "stamp.json"
GEN_PREFIX = "gen-"
# More segments than this after an incremental commit: the next commit merges them (a fresh generation).
MAX_SEGMENTS = 12
WRITE_LOCK_TIMEOUT = 2.0


def stamp() -> dict[str, int]:
    return {"schema": SCHEMA_VERSION, "analysis": analysis.ANALYSIS_VERSION}


def make_schema() -> Schema:
    """Pre-analysed fields: analysis.py makes the tokens, Whoosh only splits them on spaces."""
    space = SpaceSeparatedTokenizer()
    return Schema(
        path=ID(stored=True, unique=True),
        id=ID(stored=True),
        trigger=ID(field_boost=4.0),
        head=TEXT(analyzer=space, phrase=False, field_boost=3.0),
        body=TEXT(analyzer=space, phrase=False, field_boost=1.0),
        py=TEXT(analyzer=space, phrase=False, field_boost=2.0),
        ini=TEXT(analyzer=space, phrase=False, field_boost=2.0),
    )


def entry_document(entry: Entry, segmenter: Segmenter) -> dict[str, str]:
    """The Whoosh document of one entry: every field a space-separated token list."""
    head_texts = [entry.title, *entry.aliases]
    head_tokens: list[str] = []
    # Title, aliases, tags, category and the id's words: what an agent would call the entry.
    for text in (*head_texts, *entry.tags, entry.category):
        head_tokens.extend(analysis.text_tokens(segmenter, text))
    head_tokens.extend(analysis.id_words(entry.id))
    # Body: bigrams everywhere, jieba words only in the 问题 section (the customer's words); single characters
    # of the body match nothing specific and were a third of all postings.
    body_tokens = analysis.text_tokens(segmenter, entry.problem_text, unigrams=False)
    rest = "\n".join(b.name + "\n" + b.text for b in entry.blocks if b.kind is not BlockKind.PROBLEM)
    body_tokens.extend(analysis.text_tokens(segmenter, rest, unigrams=False, words=False))
    py_tokens: list[str] = []
    ini_tokens: list[str] = []
    for text in (*head_texts, *entry.tags):
        py_tokens.extend(analysis.pinyin_tokens(text))
        ini_tokens.extend(analysis.initials_tokens(segmenter, text))
    trigger = analysis.compact(entry.trigger)
    if trigger:
        ini_tokens.append(trigger)
    return {
        "path": entry.rel_path,
        "id": entry.id,
        "trigger": trigger,
        "head": " ".join(head_tokens),
        "body": " ".join(body_tokens),
        "py": " ".join(py_tokens),
        "ini": " ".join(ini_tokens),
    }


@dataclass
class FileRecord:
    """What the manifest remembers of one .md file: enough to skip reading it when it did not change."""

    mtime_ns: int
    size: int
    digest: str
    entry: Entry | None
    problems: list[Problem]


@dataclass
class Manifest:
    stamp: dict[str, int]
    files: dict[str, FileRecord] = field(default_factory=dict)  # rel path → record
    indexed: dict[str, str] = field(default_factory=dict)  # rel path → digest of the document in the index
    index_files: dict[str, tuple[int, int]] = field(default_factory=dict)  # Whoosh file → (size, crc32)


@dataclass
class IndexOutcome:
    entries: list[Entry]
    problems: list[Problem]
    added: int
    updated: int
    removed: int
    rebuilt: bool
    rebuild_reason: str | None
    generation: Path
    # This outcome's number (counting per IndexStore), and when only entries changed in place (no file came or
    # went, no id or trigger changed): the number of the outcome it differs from and the changed kept entries by
    # path. Callers holding that outcome's entries patch them instead of re-indexing 20k entries after one save.
    serial: int = 0
    delta_of: int | None = None
    delta: dict[str, Entry] | None = None


@dataclass
class _State:
    """What the last update derived from its manifest's file records, kept so the next update redoes only the work
    of changed files. Valid only for exactly that `files` dict (checked by identity); never mutated once made."""

    files: dict[str, FileRecord]
    indexed: dict[str, str]  # the manifest's indexed map of the same update
    signatures: dict[str, int]  # rel → kb.signature(mtime_ns, size) of each record
    buckets: dict[int, frozenset[str]]  # manifest bucket → the paths whose records it holds
    file_problems: dict[str, list[Problem]]  # rel → the record's problems, only for records that have some
    kept: list[Entry]  # resolve_duplicates' answer: entries by path, first of each id
    kept_at: dict[str, int]  # rel → position in kept
    duplicate_problems: list[Problem]
    serial: int


class IndexCorrupt(Exception):
    """The index on disk cannot be trusted; the message says why (logged, then the index is rebuilt)."""


def _index_files(gen: Path, known: dict[str, tuple[int, int]] | None = None) -> dict[str, tuple[int, int]]:
    """Size and CRC of every Whoosh file (not our own files, not the lock) of a generation.

    Whoosh never rewrites a file under the same name, so a file in `known` with the same size keeps its CRC
    without being read again: an incremental commit reads only its new segment.
    """
    out: dict[str, tuple[int, int]] = {}
    for child in gen.iterdir():
        name = child.name
        if name.startswith(RECORDS_PREFIX) or name in (MANIFEST_FILE, STAMP_FILE) or name.endswith(".tmp"):
            continue
        if "LOCK" in name or not child.is_file():
            continue
        previous = known.get(name) if known else None
        if previous is not None and child.stat().st_size == previous[0]:
            out[name] = previous
            continue
        data = child.read_bytes()
        out[name] = (len(data), zlib.crc32(data))
    return out


def _same_keys(old: Entry | None, new: Entry | None) -> bool:
    """Whether two versions of a file's entry weigh the same in resolve_duplicates (absent, or same id and trigger)."""
    if old is None or new is None:
        return old is None and new is None
    return old.id == new.id and old.trigger == new.trigger and old.rel_path == new.rel_path


def _signatures(files: dict[str, FileRecord]) -> dict[str, int]:
    """rel → signature of each record: what kb.scan_signatures gives for an unchanged file."""
    return {rel: signature(record.mtime_ns, record.size) for rel, record in files.items()}


def _bucket(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8")) % RECORD_BUCKETS


def _check_still_there(root: Path) -> None:
    """Files the scan did not see are removed from the index only while the KB folder itself is still readable: a
    network share that drops during the scan looks like every file gone, and the index must keep them."""
    try:
        with os.scandir(root) as listing:
            next(listing, None)
    except OSError as exc:
        raise KbError(f"知识库文件夹在更新时无法读取，索引未改动 (KB folder became unreadable during the update; "
                      f"the index is unchanged): {root}: {exc.strerror or exc}") from exc


def _write_atomic(path: Path, payload: object) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


class IndexStore:
    """Owns one index folder: `CURRENT` names the live generation folder; rebuilds go to a new one, then swap."""

    def __init__(self, index_dir: Path, segmenter: Segmenter) -> None:
        self.index_dir = Path(index_dir)
        self.segmenter = segmenter
        self._manifest: Manifest | None = None
        self._generation: Path | None = None
        self._verified = False
        self._state: _State | None = None
        self._serial = 0

    # --- generations --------------------------------------------------------------------------------------------

    def current_generation(self) -> Path | None:
        """The live generation folder, or None when there is no index yet."""
        try:
            name = (self.index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not name.startswith(GEN_PREFIX) or "/" in name or "\\" in name:
            return None
        gen = self.index_dir / name
        return gen if gen.is_dir() else None

    def current_version_published(self) -> bool:
        """Whether a generation of this version is published (cheap: two small files; not a full check)."""
        gen = self.current_generation()
        if gen is None:
            return False
        try:
            return bool(json.loads((gen / STAMP_FILE).read_text(encoding="utf-8")) == stamp())
        except (OSError, ValueError):
            return False

    def _new_generation(self) -> Path:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        existing = [p.name for p in self.index_dir.iterdir() if p.name.startswith(GEN_PREFIX)]
        numbers = [int(n[len(GEN_PREFIX) :]) for n in existing if n[len(GEN_PREFIX) :].isdigit()]
        number = max(numbers, default=0) + 1
        gen = self.index_dir / f"{GEN_PREFIX}{number:06d}"
        gen.mkdir()
        return gen

    def _publish(self, gen: Path) -> None:
        """Point CURRENT at gen atomically (write + rename), so readers see the old or the new, never half."""
        tmp = self.index_dir / (CURRENT_FILE + ".tmp")
        tmp.write_text(gen.name, encoding="utf-8")
        os.replace(tmp, self.index_dir / CURRENT_FILE)

    def remove_stale_generations(self, keep: set[Path]) -> None:
        """Delete generation folders no reader needs any more (best effort: Windows keeps open files)."""
        if not self.index_dir.is_dir():
            return
        for child in self.index_dir.iterdir():
            if child.name.startswith(GEN_PREFIX) and child not in keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    # --- manifest -----------------------------------------------------------------------------------------------

    def _load_manifest(self, gen: Path) -> Manifest:
        try:
            stamp_data = json.loads((gen / STAMP_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexCorrupt(f"version stamp unreadable ({exc.__class__.__name__})") from exc
        if stamp_data != stamp():
            raise _VersionChanged(f"index version {stamp_data} != {stamp()}")
        try:
            with open(gen / MANIFEST_FILE, "rb") as handle:
                manifest = pickle.load(handle)
            if not isinstance(manifest, Manifest) or manifest.stamp != stamp():
                raise IndexCorrupt("manifest does not match this version")
            files: dict[str, FileRecord] = {}
            for bucket in range(RECORD_BUCKETS):
                path = gen / f"{RECORDS_PREFIX}{bucket:02d}.pkl"
                if path.exists():
                    with open(path, "rb") as handle:
                        files.update(pickle.load(handle))
        except IndexCorrupt:
            raise
        except Exception as exc:  # noqa: BLE001 - any unpickling failure means the same: not trustworthy
            raise IndexCorrupt(f"manifest unreadable ({exc.__class__.__name__})") from exc
        manifest.files = files
        return manifest

    def _save_manifest(self, gen: Path, manifest: Manifest, dirty: set[str] | None = None,
                       known: dict[str, tuple[int, int]] | None = None,
                       members: dict[int, frozenset[str]] | None = None) -> None:
        """Write the records of the buckets holding dirty paths (all when None), then the manifest itself.
        members (bucket → its paths, from _State) saves hashing every path to find a bucket's records."""
        manifest.index_files = _index_files(gen, known)
        buckets = set(range(RECORD_BUCKETS)) if dirty is None else {_bucket(rel) for rel in dirty}
        if buckets:
            files = manifest.files
            grouped: dict[int, dict[str, FileRecord]] = {b: {} for b in buckets}
            if members is not None:
                for b in buckets:
                    grouped[b] = {rel: files[rel] for rel in sorted(members.get(b, ()))}
            else:
                for rel, record in files.items():
                    b = _bucket(rel)
                    if b in grouped:
                        grouped[b][rel] = record
            for b, records in grouped.items():
                _write_atomic(gen / f"{RECORDS_PREFIX}{b:02d}.pkl", records)
        files, manifest.files = manifest.files, {}
        try:
            _write_atomic(gen / MANIFEST_FILE, manifest)
        finally:
            manifest.files = files
        (gen / STAMP_FILE).write_text(json.dumps(stamp()), encoding="utf-8")

    def _quick_check(self, gen: Path, manifest: Manifest) -> None:
        """Between full checks: every committed Whoosh file still there with its size (a stat per file)."""
        for name, (size, _crc) in manifest.index_files.items():
            try:
                actual = (gen / name).stat().st_size
            except OSError as exc:
                raise IndexCorrupt(f"index file missing: {name}") from exc
            if actual != size:
                raise IndexCorrupt(f"index file changed or truncated: {name}")

    def _verify(self, gen: Path, manifest: Manifest) -> None:
        """Every Whoosh file as committed, the TOC readable, the stored documents exactly the manifest's."""
        actual = _index_files(gen)
        for name, (size, crc) in manifest.index_files.items():
            found = actual.get(name)
            if found is None:
                raise IndexCorrupt(f"index file missing: {name}")
            if found != (size, crc):
                raise IndexCorrupt(f"index file changed or truncated: {name}")
        try:
            ix = FileStorage(str(gen), supports_mmap=False, readonly=True).open_index()
            with ix.searcher() as searcher:
                paths = {fields.get("path") for fields in searcher.all_stored_fields()}
                if searcher.doc_count() != len(manifest.indexed) or paths != set(manifest.indexed):
                    raise IndexCorrupt("index documents do not match the manifest")
        except IndexCorrupt:
            raise
        except Exception as exc:  # noqa: BLE001 - Whoosh raises many kinds of errors on damaged files
            raise IndexCorrupt(f"index unreadable ({exc.__class__.__name__}: {exc})") from exc

    def open_existing(self) -> tuple[Path, list[Entry]]:
        """The live generation and its entries as last indexed, checked but without reading the KB folder."""
        gen = self.current_generation()
        if gen is None:
            raise IndexCorrupt("no index yet")
        manifest = self._load_manifest(gen)
        self._verify(gen, manifest)
        self._manifest, self._generation, self._verified = manifest, gen, True
        entries = [
            record.entry
            for rel, record in manifest.files.items()
            if record.entry is not None and rel in manifest.indexed
        ]
        return gen, entries

    # --- update -------------------------------------------------------------------------------------------------

    def update(
        self,
        kb_root: Path,
        *,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> IndexOutcome:
        """Bring the index in line with the KB folder; see Engine.update for the promises."""
        root = Path(os.path.abspath(kb_root))
        if not root.exists():
            raise KbError(f"知识库文件夹不存在 (KB folder not found): {root}")
        if not root.is_dir():
            raise KbError(f"知识库路径不是文件夹 (KB path is not a folder): {root}")

        reason: str | None = "requested" if rebuild else None
        gen = self.current_generation()
        manifest: Manifest | None = None
        if reason is None:
            if gen is None:
                reason = "no index yet" if not self.index_dir.exists() else "index missing"
            else:
                try:
                    if gen != self._generation or self._manifest is None:
                        manifest = self._load_manifest(gen)
                        self._verified = False
                    else:
                        manifest = self._manifest
                    if not self._verified:
                        self._verify(gen, manifest)
                        self._verified = True
                    else:
                        self._quick_check(gen, manifest)
                except _VersionChanged as exc:
                    reason = f"version changed: {exc}"
                except IndexCorrupt as exc:
                    reason = f"corrupted: {exc}"
            if reason is not None and gen is not None:
                log.warning("rebuilding index %s: %s", self.index_dir, reason)
        old_files = manifest.files if manifest is not None else (self._manifest.files if self._manifest else {})

        problems: list[Problem] = []
        signatures = scan_signatures(root, problems)
        state = self._state if self._state is not None and self._state.files is old_files else None
        old_signatures = state.signatures if state is not None else _signatures(old_files)
        # Unchanged files (all but one on a save) cost one dict lookup here: the stat came from the scan.
        old_signature = old_signatures.get
        changed = sorted(rel for rel, sig in signatures.items() if old_signature(rel) != sig)
        # Files seen unchanged plus changed files known before account for every old file, unless some are gone.
        still_there = len(signatures) - len(changed) + sum(1 for rel in changed if rel in old_files)
        removed = [rel for rel in old_files if rel not in signatures] if still_there < len(old_files) else []
        if removed:
            _check_still_there(root)
        files = dict(old_files)
        for rel in removed:
            del files[rel]
        dirty: set[str] = set()  # paths whose record is new: their manifest bucket is rewritten
        total = len(signatures)
        done = total - len(changed)
        for rel in changed:
            old = old_files.get(rel)
            record = self._read_record(rel, root, signatures[rel], old)
            files[rel] = record
            if record is not old:
                dirty.add(rel)
            done += 1
            if progress is not None:
                progress(done, total)
        if progress is not None and not changed:
            progress(total, total)
        new_state = self._next_state(state, files, old_files, dirty, removed)
        kept = new_state.kept
        for record_problems in new_state.file_problems.values():
            problems.extend(record_problems)
        problems.extend(new_state.duplicate_problems)
        problems.sort(key=lambda p: (str(p.path or ""), p.line or 0, p.code))
        wanted = new_state.indexed
        delta = self._delta(state, new_state, dirty)

        new_manifest = Manifest(stamp=stamp(), files=files, indexed=wanted)
        if reason is None and manifest is not None and gen is not None:
            try:
                added, updated, removed_count = self._apply(gen, manifest.indexed, wanted, kept, delta)
                dirty.update(removed)
                if dirty or added or updated or removed_count:
                    self._save_manifest(gen, new_manifest, dirty, manifest.index_files, new_state.buckets)
                self._manifest, self._generation, self._state = new_manifest, gen, new_state
                return IndexOutcome(kept, problems, added, updated, removed_count, False, None, gen,
                                    new_state.serial, state.serial if delta is not None and state else None, delta)
            except Exception as exc:  # noqa: BLE001 - a failed in-place write falls back to a clean rebuild
                reason = f"incremental update failed: {exc.__class__.__name__}: {exc}"
                log.warning("rebuilding index %s: %s", self.index_dir, reason)

        previous = set(manifest.indexed) if manifest is not None else set()
        self._state = None  # a failed build must not leave a state describing records it did not save
        new_gen = self._build(kept, new_manifest)
        self._publish(new_gen)
        self._manifest, self._generation, self._verified = new_manifest, new_gen, True
        self._state = new_state
        # Old generations stay until the engine has moved its searcher (Engine calls remove_stale_generations).
        added = len([r for r in wanted if r not in previous]) if manifest is not None else len(wanted)
        updated = (
            len([r for r in wanted if r in previous and manifest.indexed[r] != wanted[r]]) if manifest is not None else 0
        )
        removed_count = len([r for r in previous if r not in wanted])
        return IndexOutcome(kept, problems, added, updated, removed_count, True, reason, new_gen, new_state.serial)

    def _next_state(
        self,
        state: _State | None,
        files: dict[str, FileRecord],
        old_files: dict[str, FileRecord],
        dirty: set[str],
        removed: list[str],
    ) -> _State:
        """The _State of files: patched from the last one for the dirty and removed paths when there is one, else
        derived from every record."""
        self._serial += 1
        added = [rel for rel in dirty if rel not in old_files]
        if state is None:
            signatures = _signatures(files)
            grouped: dict[int, set[str]] = {}
            for rel in files:
                grouped.setdefault(_bucket(rel), set()).add(rel)
            buckets = {b: frozenset(rels) for b, rels in grouped.items()}
            file_problems = {rel: r.problems for rel, r in files.items() if r.problems}
        else:
            signatures = dict(state.signatures)
            buckets = dict(state.buckets)
            file_problems = dict(state.file_problems)
            for rel in removed:
                del signatures[rel]
                file_problems.pop(rel, None)
                b = _bucket(rel)
                buckets[b] = buckets[b] - {rel}
            for rel in added:
                b = _bucket(rel)
                buckets[b] = buckets.get(b, frozenset()) | {rel}
            for rel in dirty:
                record = files[rel]
                signatures[rel] = signature(record.mtime_ns, record.size)
                if record.problems:
                    file_problems[rel] = record.problems
                else:
                    file_problems.pop(rel, None)
        # resolve_duplicates depends only on each file's path, id and trigger: when no file came or went and no
        # changed file has another id or trigger (a typical save), its answer is the last one with the changed
        # entries swapped in. On a 20k-entry KB that saves more than everything else an unchanged file needs.
        if (
            state is not None
            and not removed
            and not added
            and all(_same_keys(old_files[rel].entry, files[rel].entry) for rel in dirty)
        ):
            kept = list(state.kept)
            kept_at = state.kept_at
            indexed = dict(state.indexed)
            for rel in dirty:
                at = kept_at.get(rel)
                entry = files[rel].entry
                if at is not None and entry is not None:
                    kept[at] = entry
                    indexed[rel] = files[rel].digest
            duplicate_problems = state.duplicate_problems
        else:
            kept, duplicate_problems = resolve_duplicates(r.entry for r in files.values() if r.entry is not None)
            kept_at = {e.rel_path: n for n, e in enumerate(kept)}
            indexed = {e.rel_path: files[e.rel_path].digest if e.rel_path in files else "" for e in kept}
        return _State(files, indexed, signatures, buckets, file_problems, kept, kept_at, list(duplicate_problems),
                      self._serial)

    @staticmethod
    def _delta(state: _State | None, new_state: _State, dirty: set[str]) -> dict[str, Entry] | None:
        """The kept entries that changed in place since state (see IndexOutcome.delta), or None."""
        if state is None or new_state.kept_at is not state.kept_at:
            return None
        return {rel: new_state.kept[state.kept_at[rel]] for rel in dirty if rel in state.kept_at}

    def _read_record(self, rel: str, root: Path, sig: Signature, old: FileRecord | None) -> FileRecord:
        """A new record of a changed file (re-parsed only when the content hash differs from old's)."""
        path = root / rel
        data, read_problems = read_file(path)
        mtime, size = divmod(sig, 1 << 64) if sig is not None else (0, -1)  # kb.signature's two parts
        if data is None:
            return FileRecord(mtime, size, "", None, read_problems)
        digest = hashlib.sha1(data).hexdigest()
        if old is not None and old.digest == digest:
            return FileRecord(mtime, len(data), digest, old.entry, old.problems)
        entry, file_problems = parse_file(path, root, data)
        return FileRecord(mtime, len(data), digest, entry, file_problems)

    def _apply(
        self, gen: Path, indexed: dict[str, str], wanted: dict[str, str], kept: list[Entry],
        only: dict[str, Entry] | None = None,
    ) -> tuple[int, int, int]:
        """Write the documents that differ between indexed and wanted. only: the kept entries that may differ, by
        path (all others are known to be equal, as in IndexOutcome.delta); None to compare all."""
        added: list[str] = []
        updated: list[str] = []
        for rel in sorted(only) if only is not None else wanted:
            digest = wanted[rel]
            was = indexed.get(rel)
            if was is None:
                added.append(rel)
            elif was != digest:
                updated.append(rel)
        removed = [r for r in indexed if r not in wanted] if len(indexed) + len(added) != len(wanted) else []
        if not (added or updated or removed):
            return 0, 0, 0
        changed = set(added) | set(updated)
        by_rel = only if only is not None else {e.rel_path: e for e in kept if e.rel_path in changed}
        ix = windex.open_dir(str(gen))
        merge = len(ix._segments()) >= MAX_SEGMENTS  # noqa: SLF001 - Whoosh has no public segment count
        writer = ix.writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.05, **WRITER_OPTIONS)
        try:
            for rel in removed:
                writer.delete_by_term("path", rel)
            for rel in added + updated:
                writer.update_document(**entry_document(by_rel[rel], self.segmenter))
        except BaseException:
            writer.cancel()
            raise
        if merge:
            writer.commit()  # merges small segments; readers keep their open files (see search.Searcher)
        else:
            # Appending a segment deletes no file an open searcher may still read.
            writer.commit(mergetype=NO_MERGE)
        return len(added), len(updated), len(removed)

    def _build(self, kept: list[Entry], manifest: Manifest) -> Path:
        """A full index in a fresh generation folder; published only once complete."""
        gen = self._new_generation()
        try:
            ix = windex.create_in(str(gen), make_schema())
            writer = ix.writer(limitmb=256, **WRITER_OPTIONS)  # one in-memory pool: no spill-and-merge runs on big KBs
            try:
                for entry in kept:
                    writer.add_document(**entry_document(entry, self.segmenter))
            except BaseException:
                writer.cancel()
                raise
            writer.commit(optimize=True)
            self._save_manifest(gen, manifest)
        except BaseException:
            shutil.rmtree(gen, ignore_errors=True)
            raise
        return gen


class _VersionChanged(IndexCorrupt):
    """The index was written by another schema or analyzer version."""

