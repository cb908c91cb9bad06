"""One app per data folder: the lock is held while the holder lives and freed however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_checkup.storage.instance_lock import AlreadyRunningError, InstanceLock, held_elsewhere

HOLDER = ("import sys, time\nfrom pathlib import Path\nfrom privacy_checkup.storage.instance_lock import InstanceLock\n"
          "lock = InstanceLock(Path(sys.argv[1]))\nlock.acquire()\nprint('held', flush=True)\ntime.sleep(120)\n")


def hold_in_another_process(folder: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_holder_is_refused_while_the_first_lives(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    holder = hold_in_another_process(folder)
    try:
        assert held_elsewhere(folder)
        with pytest.raises(AlreadyRunningError) as refused:
            InstanceLock(folder).acquire()
        assert refused.value.folder == folder
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_the_lock_is_freed_however_the_holder_ends(tmp_path: Path, how: signal.Signals) -> None:
    folder = tmp_path / "data"
    holder = hold_in_another_process(folder)
    os.kill(holder.pid, how)
    holder.wait()
    assert holder.stdout is not None
    holder.stdout.close()
    assert not held_elsewhere(folder)  # a kill never leaves the folder locked
    with InstanceLock(folder) as lock:
        assert lock.held
    assert not held_elsewhere(folder)


def test_a_folder_no_one_ever_held_is_free(tmp_path: Path) -> None:
    assert not held_elsewhere(tmp_path / "never-made")
    assert not (tmp_path / "never-made").exists()  # asking writes nothing
