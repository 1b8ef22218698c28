"""Tests for the on-disk index: incremental updates on real files, version stamp, corruption recovery."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from kbassist.core import analysis, index
from kbassist.core.analysis import Segmenter
from kbassist.core.index import IndexStore
from kbassist.core.kb import KbError

from _entries import small_kb, write_entry


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    seg = Segmenter(tmp_path_factory.mktemp("jieba") / "jieba.cache")
    seg.load()
    return seg


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return small_kb(tmp_path / "kb")


@pytest.fixture
def store(tmp_path: Path, segmenter: Segmenter) -> IndexStore:
    return IndexStore(tmp_path / "index", segmenter)


def _ids(outcome: index.IndexOutcome) -> set[str]:
    return {e.id for e in outcome.entries}


def _segment_files(gen: Path) -> list[Path]:
    return sorted(p for p in gen.iterdir() if p.suffix == ".seg" or p.name.endswith((".trm", ".pst", ".fln", ".sto")))


def _fresh_store(store: IndexStore) -> IndexStore:
    """A new store object on the same folder: what the next program start sees."""
    return IndexStore(store.index_dir, store.segmenter)


def test_first_update_builds(store: IndexStore, kb: Path) -> None:
    outcome = store.update(kb)
    assert outcome.rebuilt and outcome.rebuild_reason == "no index yet"
    assert _ids(outcome) == {"card-not-received", "refund-policy", "password-reset"}
    assert outcome.added == 3
    assert (store.index_dir / index.CURRENT_FILE).is_file()


def test_unchanged_files_are_not_reparsed(store: IndexStore, kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.update(kb)
    calls: list[Path] = []
    real = index.parse_file
    monkeypatch.setattr(index, "parse_file", lambda p, r, d: calls.append(p) or real(p, r, d))
    outcome = _fresh_store(store).update(kb)
    assert not outcome.rebuilt
    assert (outcome.added, outcome.updated, outcome.removed) == (0, 0, 0)
    assert calls == []


def test_touched_but_same_content_is_not_reindexed(store: IndexStore, kb: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store.update(kb)
    path = kb / "退款/refund-policy.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    calls: list[Path] = []
    real = index.parse_file
    monkeypatch.setattr(index, "parse_file", lambda p, r, d: calls.append(p) or real(p, r, d))
    outcome = store.update(kb)
    assert (outcome.added, outcome.updated, outcome.removed) == (0, 0, 0)
    assert calls == []  # same hash: not even parsed again


def test_add_modify_delete_rename(store: IndexStore, kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.update(kb)
    calls: list[str] = []
    real = index.parse_file
    monkeypatch.setattr(index, "parse_file", lambda p, r, d: calls.append(p.name) or real(p, r, d))

    write_entry(kb, "新/invoice.md", "invoice", "发票", aliases="开票")
    outcome = store.update(kb)
    assert (outcome.added, outcome.updated, outcome.removed) == (1, 0, 0)
    assert calls == ["invoice.md"]

    write_entry(kb, "新/invoice.md", "invoice", "发票开具", aliases="开票, 专票")
    outcome = store.update(kb)
    assert (outcome.added, outcome.updated, outcome.removed) == (0, 1, 0)
    assert {e.title for e in outcome.entries if e.id == "invoice"} == {"发票开具"}

    (kb / "账号/password-reset.md").unlink()
    outcome = store.update(kb)
    assert (outcome.added, outcome.updated, outcome.removed) == (0, 0, 1)
    assert "password-reset" not in _ids(outcome)

    (kb / "新/invoice.md").rename(kb / "新/invoice-renamed.md")
    outcome = store.update(kb)
    assert (outcome.added, outcome.updated, outcome.removed) == (1, 0, 1)
    assert not outcome.rebuilt
    # a fresh store on the same folder agrees with the files on disk
    outcome = _fresh_store(store).update(kb)
    assert not outcome.rebuilt
    assert _ids(outcome) == {"card-not-received", "refund-policy", "invoice"}


def test_duplicate_ids_stay_correct_incrementally(store: IndexStore, kb: Path) -> None:
    store.update(kb)
    write_entry(kb, "退款/zz-another.md", "refund-policy", "另一个退款说明")
    outcome = store.update(kb)
    assert any(p.code == "duplicate-id" for p in outcome.problems)
    assert [e.rel_path for e in outcome.entries if e.id == "refund-policy"] == ["退款/refund-policy.md"]
    # the first file goes: the second one now owns the id and must be in the index
    (kb / "退款/refund-policy.md").unlink()
    outcome = store.update(kb)
    assert not any(p.code == "duplicate-id" for p in outcome.problems)
    assert [e.rel_path for e in outcome.entries if e.id == "refund-policy"] == ["退款/zz-another.md"]
    assert (outcome.added, outcome.removed) == (1, 1)


def test_duplicate_trigger_warned(store: IndexStore, kb: Path) -> None:
    write_entry(kb, "z/x.md", "other", "其他", trigger="KMWD")
    outcome = store.update(kb)
    assert any(p.code == "duplicate-trigger" for p in outcome.problems)


def test_bad_file_reported_not_raised(store: IndexStore, kb: Path) -> None:
    (kb / "bad.md").write_text("---\nid: [unclosed\n---\n# x\n", encoding="utf-8")
    outcome = store.update(kb)
    assert outcome.problems
    assert "card-not-received" in _ids(outcome)


def test_missing_kb_folder_raises_kberror(store: IndexStore, tmp_path: Path) -> None:
    with pytest.raises(KbError):
        store.update(tmp_path / "nope")
    (tmp_path / "file.md").write_text("x", encoding="utf-8")
    with pytest.raises(KbError):
        store.update(tmp_path / "file.md")


@pytest.mark.parametrize("what", ["schema", "analysis"])
def test_version_change_rebuilds(store: IndexStore, kb: Path, monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    store.update(kb)
    if what == "schema":
        monkeypatch.setattr(index, "SCHEMA_VERSION", index.SCHEMA_VERSION + 1)
    else:
        monkeypatch.setattr(analysis, "ANALYSIS_VERSION", analysis.ANALYSIS_VERSION + 1)
    outcome = _fresh_store(store).update(kb)
    assert outcome.rebuilt and outcome.rebuild_reason and "version changed" in outcome.rebuild_reason
    outcome = _fresh_store(store).update(kb)
    assert not outcome.rebuilt


def test_rebuild_on_request_swaps_generation(store: IndexStore, kb: Path) -> None:
    first = store.update(kb).generation
    outcome = store.update(kb, rebuild=True)
    assert outcome.rebuilt and outcome.rebuild_reason == "requested"
    assert outcome.generation != first
    store.remove_stale_generations({outcome.generation})
    assert not first.exists()


def _corrupt(gen: Path, how: str) -> None:
    whoosh_files = [p for p in gen.iterdir() if p.is_file() and p.name not in (index.MANIFEST_FILE, index.STAMP_FILE)]
    segments = [p for p in whoosh_files if not p.name.startswith("_MAIN_") or p.suffix != ".toc"]
    segments = [p for p in segments if p.suffix != ".toc"]
    tocs = [p for p in whoosh_files if p.suffix == ".toc"]
    assert segments and tocs, [p.name for p in whoosh_files]
    if how == "truncate":
        target = max(segments, key=lambda p: p.stat().st_size)
        data = target.read_bytes()
        target.write_bytes(data[: len(data) // 2])
    elif how == "delete":
        max(segments, key=lambda p: p.stat().st_size).unlink()
    elif how == "garbage-toc":
        for toc in tocs:
            toc.write_bytes(b"\x00garbage" * 50)
    elif how == "no-current":
        (gen.parent / index.CURRENT_FILE).unlink()
    elif how == "garbage-manifest":
        (gen / index.MANIFEST_FILE).write_bytes(b"not a pickle")
    else:  # pragma: no cover
        raise AssertionError(how)


@pytest.mark.parametrize("how", ["truncate", "delete", "garbage-toc", "no-current", "garbage-manifest"])
def test_corruption_detected_and_rebuilt(store: IndexStore, kb: Path, how: str,
                                         caplog: pytest.LogCaptureFixture) -> None:
    gen = store.update(kb).generation
    _corrupt(gen, how)
    with caplog.at_level(logging.WARNING, logger="kbassist.index"):
        outcome = _fresh_store(store).update(kb)
    assert outcome.rebuilt
    assert _ids(outcome) == {"card-not-received", "refund-policy", "password-reset"}
    if how != "no-current":
        assert any("rebuilding index" in r.getMessage() for r in caplog.records)
    # the repaired index is healthy for the next start
    assert not _fresh_store(store).update(kb).rebuilt


def test_stale_lock_file_is_harmless(store: IndexStore, kb: Path) -> None:
    gen = store.update(kb).generation
    (gen / "MAIN_WRITELOCK").write_bytes(b"")  # what a crash mid-write leaves behind
    write_entry(kb, "新/invoice.md", "invoice", "发票")
    outcome = _fresh_store(store).update(kb)
    assert not outcome.rebuilt and outcome.added == 1


def test_held_lock_falls_back_to_rebuild(store: IndexStore, kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from whoosh.filedb.filestore import FileStorage

    gen = store.update(kb).generation
    monkeypatch.setattr(index, "WRITE_LOCK_TIMEOUT", 0.1)
    lock = FileStorage(str(gen)).lock("MAIN_WRITELOCK")  # another writer that never lets go
    assert lock.acquire()
    try:
        write_entry(kb, "新/invoice.md", "invoice", "发票")
        outcome = store.update(kb)
    finally:
        lock.release()
    assert outcome.rebuilt and "incremental update failed" in (outcome.rebuild_reason or "")
    assert "invoice" in _ids(outcome)
    assert outcome.generation != gen


def test_manifest_mismatch_rebuilds(store: IndexStore, kb: Path) -> None:
    """The index and its manifest disagree (a crash between commit and manifest write)."""
    gen = store.update(kb).generation
    import pickle

    with open(gen / index.MANIFEST_FILE, "rb") as handle:
        manifest = pickle.load(handle)
    manifest.indexed["ghost.md"] = "x"
    with open(gen / index.MANIFEST_FILE, "wb") as handle:
        pickle.dump(manifest, handle)
    outcome = _fresh_store(store).update(kb)
    assert outcome.rebuilt and "corrupted" in (outcome.rebuild_reason or "")


def _bump(path: Path) -> None:
    # Same-size rewrites within one mtime tick are invisible to any mtime check; move the clock on explicitly.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_duplicate_ids_follow_edits_between_updates(tmp_path: Path, segmenter: Segmenter) -> None:
    kb = small_kb(tmp_path / "kb")
    store = IndexStore(tmp_path / "index", segmenter)
    assert not [p for p in store.update(kb).problems if p.code == "duplicate-id"]
    # An edit that keeps the id: the kept entry is the new version.
    path = write_entry(kb, "退款/refund-policy.md", "refund-policy", "退款政策二", trigger="tkzc")
    _bump(path)
    outcome = store.update(kb)
    assert outcome.updated == 1 and "退款政策二" in {e.title for e in outcome.entries}
    # An edit that takes another entry's id: reported, the first by path kept.
    write_entry(kb, "退款/refund-policy.md", "card-not-received", "退款政策", trigger="tkzc")
    _bump(path)
    outcome = store.update(kb)
    assert [p.code for p in outcome.problems if p.code == "duplicate-id"] == ["duplicate-id"]
    assert sorted(e.id for e in outcome.entries) == ["card-not-received", "password-reset"]
    # And back: the problem is gone with the next update.
    write_entry(kb, "退款/refund-policy.md", "refund-policy", "退款政策", trigger="tkzc")
    _bump(path)
    outcome = store.update(kb)
    assert not [p for p in outcome.problems if p.code == "duplicate-id"]
    assert sorted(e.id for e in outcome.entries) == ["card-not-received", "password-reset", "refund-policy"]
    assert outcome.added == 1  # the entry skipped as a duplicate is indexed again


def _summary(outcome: index.IndexOutcome) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, int]]]:
    return ([(e.rel_path, e.id, e.title, e.trigger) for e in outcome.entries],
            [(p.code, str(p.path), p.line or 0) for p in outcome.problems])


# One change of one file between two updates; "delta" marks the changes an update may patch in place.
CHANGES = {
    "edit": True,  # new title and body, same id and trigger
    "touch": True,  # new mtime, same content
    "edit-duplicate": True,  # the skipped file of a duplicate id, still a duplicate
    "warn": True,  # same id, now with a front-matter problem
    "new-trigger": False,
    "new-id": False,
    "take-id": False,  # takes another entry's id: becomes a duplicate
    "rename": False,
    "delete": False,
    "add": False,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_one_file_change_gives_what_a_fresh_build_gives(tmp_path: Path, segmenter: Segmenter, change: str) -> None:
    kb = small_kb(tmp_path / "kb")
    write_entry(kb, "重复/refund-copy.md", "refund-policy", "退款政策副本")  # a duplicate id: skipped, reported
    (kb / "坏").mkdir()
    (kb / "坏/odd.md").write_text("---\nid: odd\nfoo: 1\n---\n# 奇怪\n## 话术\nx\n", encoding="utf-8")
    store = IndexStore(tmp_path / "index", segmenter)
    first = store.update(kb)
    refund = kb / "退款/refund-policy.md"
    if change == "edit":
        write_entry(kb, "退款/refund-policy.md", "refund-policy", "退款规定", aliases="怎么退", trigger="tkzc",
                    body="客户要求退货退款。")
    elif change == "touch":
        _bump(refund)
    elif change == "edit-duplicate":
        write_entry(kb, "重复/refund-copy.md", "refund-policy", "退款政策副本二")
    elif change == "warn":
        refund.write_text(refund.read_text(encoding="utf-8").replace("---\n", "---\nbar: 2\n", 1), encoding="utf-8")
    elif change == "new-trigger":
        write_entry(kb, "退款/refund-policy.md", "refund-policy", "退款政策", aliases="能退款吗", trigger="tuikuan")
    elif change == "new-id":
        write_entry(kb, "退款/refund-policy.md", "refund-rules", "退款政策", trigger="tkzc")
    elif change == "take-id":
        write_entry(kb, "退款/refund-policy.md", "password-reset", "退款政策", trigger="tkzc")
    elif change == "rename":
        refund.rename(kb / "退款/refund-policy-2.md")
    elif change == "delete":
        refund.unlink()
    elif change == "add":
        write_entry(kb, "退款/refund-late.md", "refund-late", "退款迟迟不到", trigger="tkbd")
    if change not in ("touch", "rename", "delete", "add"):
        _bump(kb / "重复/refund-copy.md" if change == "edit-duplicate" else refund)

    outcome = store.update(kb)
    fresh = IndexStore(tmp_path / "fresh", segmenter).update(kb)
    assert _summary(outcome) == _summary(fresh)
    assert [e.rel_path for e in outcome.entries] == sorted(e.rel_path for e in outcome.entries)
    # The index on disk holds exactly those documents (open_existing verifies them against the manifest).
    reopened_gen, reopened = _fresh_store(store).open_existing()
    assert reopened_gen == outcome.generation
    assert sorted((e.rel_path, e.title) for e in reopened) == sorted((e.rel_path, e.title) for e in outcome.entries)
    if CHANGES[change]:
        assert outcome.delta is not None and outcome.delta_of == first.serial
        changed = {"touch": {"退款/refund-policy.md"}, "edit-duplicate": set()}.get(change, {"退款/refund-policy.md"})
        assert set(outcome.delta) == changed
        by_path = {e.rel_path: e for e in outcome.entries}
        assert all(by_path[rel] is entry for rel, entry in outcome.delta.items())
    else:
        assert outcome.delta is None
    # And the next update, with nothing changed, agrees too.
    again = store.update(kb)
    assert _summary(again) == _summary(fresh) and (again.added, again.updated, again.removed) == (0, 0, 0)


def test_update_after_reopening_rederives_its_state(tmp_path: Path, segmenter: Segmenter) -> None:
    kb = small_kb(tmp_path / "kb")
    store = IndexStore(tmp_path / "index", segmenter)
    store.update(kb)
    path = write_entry(kb, "到账/card-not-received.md", "card-not-received", "卡密一直没到", trigger="kmwd")
    _bump(path)
    reopened = _fresh_store(store)
    outcome = reopened.update(kb)
    assert outcome.delta is None and outcome.updated == 1
    assert "卡密一直没到" in {e.title for e in outcome.entries}
    path = write_entry(kb, "到账/card-not-received.md", "card-not-received", "卡密还没到", trigger="kmwd")
    _bump(path)
    following = reopened.update(kb)
    assert following.delta_of == outcome.serial and set(following.delta or {}) == {"到账/card-not-received.md"}
    assert _summary(following) == _summary(IndexStore(tmp_path / "fresh", segmenter).update(kb))
