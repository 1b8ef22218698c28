"""Cost of one usage-log write (WAL, synchronous=NORMAL, one transaction per session) and of entry_weights."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbassist.core.evaluate import percentile  # noqa: E402
from kbassist.core.usage import UsageLog, simulate_history  # noqa: E402


def main(count: int = 5000) -> int:
    now = datetime.now(timezone.utc)
    sessions = simulate_history([f"entry-{i}" for i in range(300)], sessions=count, days=90, seed=1, now=now)
    with tempfile.TemporaryDirectory() as tmp:
        log = UsageLog(Path(tmp) / "usage.sqlite3")
        times = []
        for session in sessions:
            start = time.perf_counter()
            log.record(session)
            times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        weights = log.entry_weights(now)
        weights_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        rows = log.sessions()
        read_ms = (time.perf_counter() - start) * 1000
        log.close()
    print(f"record: {count} sessions, p50 {percentile(times, 50):.3f} ms, p95 {percentile(times, 95):.3f} ms, "
          f"max {max(times):.2f} ms")
    print(f"entry_weights over {count} sessions: {weights_ms:.1f} ms ({len(weights)} entries); "
          f"read all: {read_ms:.1f} ms ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
