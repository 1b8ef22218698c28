"""Tests for the Engine facade: the contract the CLI and UI rely on, and searching while updating."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kbassist import paths
from kbassist.core.engine import Engine, KbError, UpdateReport
from kbassist.core.model import Hit

from _entries import small_kb, write_entry


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return small_kb(tmp_path / "kb")


@pytest.fixture
def engine(kb: Path, tmp_path: Path) -> Engine:
    dirs = paths.app_dirs()
    eng = Engine(kb, dirs.index_dir(kb), jieba_cache=dirs.jieba_cache)
    yield eng
    eng.close()


def test_constructor_is_cheap(kb: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    Engine(kb, index_dir, jieba_cache=tmp_path / "j" / "jieba.cache")
    assert not index_dir.exists()
    assert not (tmp_path / "j").exists()


def test_update_and_search(engine: Engine) -> None:
    engine.warm_up()
    assert paths.app_dirs().jieba_cache.is_file()
    report = engine.update()
    assert isinstance(report, UpdateReport)
    assert report.entries == 3 and report.added == 3 and report.rebuilt
    assert report.seconds >= 0
    assert set(engine.entries) == {"card-not-received", "refund-policy", "password-reset"}
    assert engine.problems == []
    hits = engine.search("kmwd")
    assert hits and isinstance(hits[0], Hit) and hits[0].entry.id == "card-not-received"
    again = engine.update()
    assert not again.rebuilt and (again.added, again.updated, again.removed) == (0, 0, 0)


def test_search_sees_last_update(engine: Engine, kb: Path) -> None:
    engine.update()
    assert engine.search("发票") == [] or engine.search("发票")[0].entry.id != "invoice"
    write_entry(kb, "新/invoice.md", "invoice", "发票", aliases="开票", trigger="fp")
    report = engine.update()
    assert report.added == 1
    assert engine.search("发票")[0].entry.id == "invoice"
    (kb / "新/invoice.md").unlink()
    engine.update()
    assert all(h.entry.id != "invoice" for h in engine.search("发票"))
    assert "invoice" not in engine.entries


def test_problems_reported(engine: Engine, kb: Path) -> None:
    (kb / "bad.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    report = engine.update()
    assert report.problems and engine.problems == report.problems


def test_missing_folder_raises_kberror(tmp_path: Path) -> None:
    eng = Engine(tmp_path / "missing", tmp_path / "idx", jieba_cache=tmp_path / "jieba.cache")
    with pytest.raises(KbError):
        eng.update()
    assert eng.search("卡密") == []
    eng.close()


def test_search_before_update_and_after_close(engine: Engine) -> None:
    assert engine.search("卡密") == []
    engine.update()
    engine.close()
    assert engine.search("卡密") == []


def test_next_start_searches_before_its_first_update(kb: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    first = Engine(kb, index_dir, jieba_cache=tmp_path / "jieba.cache")
    first.update()
    first.close()
    second = Engine(kb, index_dir, jieba_cache=tmp_path / "jieba.cache")
    second.warm_up()
    assert second.search("kmwd")[0].entry.id == "card-not-received"
    assert not second.update().rebuilt
    second.close()


def test_damaged_index_between_updates_never_raises(engine: Engine, kb: Path) -> None:
    engine.update()
    gen = next(p for p in engine.index_dir.iterdir() if p.name.startswith("gen-"))
    for f in gen.iterdir():
        if f.suffix in (".seg", ".toc") or f.name.endswith((".trm", ".pst")):
            # replaced the way sync tools and editors write (new file, rename), not truncated under the mapping
            tmp = f.with_name(f.name + ".new")
            tmp.write_bytes(b"garbage")
            os.replace(tmp, f)
    hits = engine.search("卡密未到账")  # answered from memory while the index is broken
    assert hits and hits[0].entry.id == "card-not-received"
    report = engine.update()
    assert report.rebuilt
    assert engine.search("kmwd")[0].entry.id == "card-not-received"


def test_search_while_updating_sees_old_or_new(engine: Engine, kb: Path) -> None:
    engine.update()
    errors: list[BaseException] = []
    results: list[list[str]] = []
    stop = threading.Event()

    def searching() -> None:
        while not stop.is_set():
            try:
                hits = engine.search("退款政策")
                results.append([h.entry.id for h in hits])
                engine.search("发票 kaipiao")
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

    threads = [threading.Thread(target=searching) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for n in range(12):
            write_entry(kb, f"新/e{n % 3}.md", f"e{n % 3}", f"发票{n}", aliases="开票")
            if n % 4 == 3:
                (kb / f"新/e{n % 3}.md").unlink()
            engine.update(rebuild=(n == 6))
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors
    assert results and all(r and r[0] == "refund-policy" for r in results)


def test_edited_entry_appears_once(engine: Engine, kb: Path) -> None:
    engine.update()
    for n in range(3):  # incremental commits leave deleted documents in older segments
        write_entry(kb, "退款/refund-policy.md", "refund-policy", f"退款政策{n}", aliases="能退款吗")
        engine.update()
    hits = engine.search("退款政策")
    assert [h.entry.id for h in hits].count("refund-policy") == 1
    assert hits[0].entry.title == "退款政策2"


def test_share_dropping_during_update_removes_nothing(engine: Engine, kb: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kbassist.core import index

    engine.update()
    before = engine.search("卡密没到账")
    assert before and before[0].entry.id == "card-not-received"
    real_scan = index.scan_signatures
    gone = kb.with_name("kb-offline")

    def dropping_scan(root: Path, problems: list) -> dict:
        found = real_scan(root, problems)
        kb.rename(gone)  # the share drops while the update runs: most files look deleted, the folder unreadable
        return dict(list(found.items())[:1])

    monkeypatch.setattr(index, "scan_signatures", dropping_scan)
    with pytest.raises(KbError, match="unreadable during the update"):
        engine.update()
    assert set(engine.entries) == {"card-not-received", "refund-policy", "password-reset"}
    assert [h.entry.id for h in engine.search("卡密没到账")] == [h.entry.id for h in before]
    assert engine.search("退款") and engine.search("重置密码")

    monkeypatch.setattr(index, "scan_signatures", real_scan)
    gone.rename(kb)  # the share is back: nothing was removed from the index, so nothing is to be added again
    report = engine.update()
    assert (report.added, report.updated, report.removed, report.rebuilt) == (0, 0, 0, False)


def test_files_deleted_while_folder_readable_are_removed(engine: Engine, kb: Path) -> None:
    engine.update()
    victim = next(p for p in kb.rglob("*.md") if "refund" in p.read_text(encoding="utf-8"))
    victim.unlink()
    report = engine.update()
    assert report.removed == 1 and "refund-policy" not in engine.entries


@pytest.mark.parametrize("change", ["edit", "rename", "delete", "add"])
def test_one_file_change_gives_what_a_fresh_engine_gives(kb: Path, tmp_path: Path, change: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    eng = Engine(kb, tmp_path / "index", jieba_cache=tmp_path / "jieba.cache")
    eng.update()
    primed: list[object] = []
    real_prime = eng._ranker.prime

    def spy(entries: object, changed: object = None) -> int:
        primed.append(None if changed is None else [e.rel_path for e in changed])  # type: ignore[attr-defined]
        return real_prime(entries, changed)  # type: ignore[arg-type]

    monkeypatch.setattr(eng._ranker, "prime", spy)
    refund = kb / "退款/refund-policy.md"
    if change == "edit":
        write_entry(kb, "退款/refund-policy.md", "refund-policy", "退款规定", aliases="怎么退, 紫罗兰", trigger="tkzc")
        st = refund.stat()
        os.utime(refund, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    elif change == "rename":
        refund.rename(kb / "退款/refund-rules.md")
    elif change == "delete":
        refund.unlink()
    else:
        write_entry(kb, "退款/refund-late.md", "refund-late", "退款迟迟不到", aliases="紫罗兰", trigger="tkbd")
    eng.update()
    fresh = Engine(kb, tmp_path / "fresh", jieba_cache=tmp_path / "jieba.cache")
    fresh.update()
    try:
        # Only the in-place edit is patched (one entry primed); every other change recomputes from all entries.
        assert primed == ([["退款/refund-policy.md"]] if change == "edit" else [None])
        assert list(eng.entries.items()) == list(fresh.entries.items())
        # Same entries in the same order (scores differ in the last digits: an updated index still counts the
        # replaced document in its term statistics until its segments merge).
        for query in ("卡密没到账", "退款", "tkzc", "紫罗兰", "mima", "refund"):
            assert [(h.entry, h.snippet) for h in eng.search(query)] == [
                (h.entry, h.snippet) for h in fresh.search(query)
            ]
    finally:
        eng.close()
        fresh.close()


def test_index_on_disk_and_index_open(kb: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    first = Engine(kb, index_dir)
    assert not first.index_on_disk and not first.index_open  # nothing built yet: cheap to ask, before warm_up
    first.update()
    assert first.index_on_disk and first.index_open
    first.close()
    later = Engine(kb, index_dir)
    assert later.index_on_disk and not later.index_open  # on disk, not opened until warm_up
    later.warm_up()
    assert later.index_open
    later.close()
    current = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    (index_dir / current / "stamp.json").write_text('{"schema": 0, "analysis": 0}', encoding="utf-8")
    assert not Engine(kb, index_dir).index_on_disk  # another version's index is no index to open
