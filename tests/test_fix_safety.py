"""`--fix` keeps owner, group and mode, never writes outside the checked
folders, never replaces a file the user may not write, and keeps hard links
(docs/decisions.md, "--fix and the file system")."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile

import pytest

from conftest import run
from scrapelint.fixes import FixRefused, write_atomic

STALE = "---\ntitle: A headline\nword_count: 999\n---\n\none two three four\n"


def fixed(data: bytes) -> bool:
    return b"word_count: 999" not in data


def test_a_link_out_of_the_checked_folder_is_reported_and_not_fixed(tmp_path, monkeypatch, capsys):
    outside = tmp_path / "outside.md"
    outside.write_text(STALE)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "link.md").symlink_to(outside)
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "check", ".", "--fix", "--select", "WC001,FM005")
    assert not fixed(outside.read_bytes())
    assert "link.md:1:1: FM005" in out and "outside the checked folders" in out
    assert "A headline" not in out  # nothing of the outside file is read
    code, out, _ = run(capsys, "check", ".", "--fix", "--select", "WC001", "--follow-outside-links")
    assert fixed(outside.read_bytes()) and (repo / "link.md").is_symlink()


def test_a_link_inside_the_checked_folder_is_fixed_and_stays_a_link(tmp_path, monkeypatch, capsys):
    (tmp_path / "real.md").write_text(STALE)
    (tmp_path / "link.md").symlink_to("real.md")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "link.md", "--fix", "--select", "WC001")
    assert fixed((tmp_path / "real.md").read_bytes()) and (tmp_path / "link.md").is_symlink()


def test_write_refuses_a_target_outside_the_roots(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b.md").write_text(STALE)
    (tmp_path / "a" / "l.md").symlink_to(tmp_path / "b.md")
    with pytest.raises(FixRefused, match="outside the checked folders"):
        write_atomic(tmp_path / "a" / "l.md", "new\n", False, (str(tmp_path / "a"),))
    assert (tmp_path / "b.md").read_text() == STALE


def test_hard_links_are_kept(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text(STALE)
    os.link(tmp_path / "a.md", tmp_path / "b.txt")
    monkeypatch.chdir(tmp_path)
    run(capsys, "check", "a.md", "--fix", "--select", "WC001")
    assert fixed((tmp_path / "a.md").read_bytes())
    assert os.stat(tmp_path / "a.md").st_ino == os.stat(tmp_path / "b.txt").st_ino
    assert (tmp_path / "b.txt").read_bytes() == (tmp_path / "a.md").read_bytes()


def test_mode_is_kept(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.md"
    path.write_text(STALE)
    os.chmod(path, 0o604)
    monkeypatch.chdir(tmp_path)
    run(capsys, "check", "a.md", "--fix", "--select", "WC001")
    assert fixed(path.read_bytes()) and stat.S_IMODE(os.stat(path).st_mode) == 0o604


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to own files as another user")
def test_as_root_the_owner_and_group_are_kept(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.md"
    path.write_text(STALE)
    os.chown(path, 65534, 65534)
    monkeypatch.chdir(tmp_path)
    run(capsys, "check", "a.md", "--fix", "--select", "WC001")
    st = os.stat(path)
    assert fixed(path.read_bytes()) and (st.st_uid, st.st_gid) == (65534, 65534)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to run as another user")
def test_a_file_the_user_may_not_write_is_not_replaced():
    """As `nobody`, in a folder anyone may write, a root-owned read-only file."""
    folder = tempfile.mkdtemp()
    try:
        os.chmod(folder, 0o777)
        path = os.path.join(folder, "a.md")
        with open(path, "w") as f:
            f.write(STALE)
        os.chmod(path, 0o644)
        try:
            proc = subprocess.run([sys.executable, "-m", "scrapelint", "check", "a.md", "--fix", "--select", "WC001"],
                                  cwd=folder, capture_output=True, text=True, timeout=120,
                                  preexec_fn=lambda: (os.setgid(65534), os.setuid(65534)))
        except PermissionError:
            pytest.skip("the user nobody cannot run this Python")
        if "Permission denied" in proc.stderr and "scrapelint" not in proc.stderr:
            pytest.skip("the user nobody cannot run this Python")
        assert proc.returncode == 2, proc.stderr
        assert "no permission to write the file; not replaced" in proc.stderr
        assert open(path).read() == STALE and os.stat(path).st_uid == 0
    finally:
        import shutil

        shutil.rmtree(folder)
