"""Provides the study bundle: every format for every exportable transcript, a manifest and checksums, in one folder."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from interviewer import __version__
from interviewer.export import sample_table
from interviewer.export import formats, tables
from interviewer.export.bundle_readme import not_included, write_readme
from interviewer.export.collection import StudyExport, collect
from interviewer.export.csv_segments import write_table
from interviewer.export.document import ExportRefused
from interviewer.export.xlsx_workbook import sample_of
from interviewer.store import Study, now

MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"
BUNDLE_FORMAT = "interviewer-bundle"


@dataclass(frozen=True)
class BundleResult:
    folder: Path
    export: StudyExport
    files: list[Path]


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "study"


def transcript_name(export: StudyExport, index: int) -> str:
    document = export.documents[index]
    return f"{document.participant.code}-interview-{document.interview.id:04d}"


def write_bundle(study: Study, out_dir: Path, *, draft: bool = False, include_audio: bool = False,
                 coder: str | None = None, line_endings: str = "lf", passphrase=None) -> BundleResult:
    """Write the bundle into `out_dir` (which must be new, empty, or an earlier bundle, which is replaced).

    A coder's share (`coder`) names that coder as the REFI-QDA project's first user. `line_endings` 'crlf'
    writes TXT transcripts and the project's text sources with CRLF, as MAXQDA counts them. Every file is
    checked against the study's re-identification key before the bundle is moved into place (`passphrase`
    opens the key: given, $INTERVIEWER_KEY_PASSPHRASE, or a prompt function).
    """
    from interviewer.export.guard import check_folder

    export = collect(study, draft=draft, coder=coder, include_audio=include_audio, line_endings=line_endings)
    if not export.documents:
        reasons = "; ".join(f"#{e.interview_id} {e.participant_code}: {e.reason}" for e in export.excluded)
        raise ExportRefused("Nothing to export: no interview is anonymised and reviewed"
                            + (f" ({reasons})." if reasons else " (the study has no interviews)."))
    out_dir = Path(out_dir)
    _check_target(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        _write_contents(study, export, staging)
        check_folder(study, staging, out_dir, passphrase)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    files = sorted(path for path in out_dir.rglob("*") if path.is_file())
    study.audit("export", "study", 1, {"bundle": str(out_dir), "coder": coder, "draft": draft,
                                       "include_audio": include_audio, "line_endings": line_endings,
                                       "interviews": [d.interview.id for d in export.documents]})
    return BundleResult(out_dir, export, files)


def write_per_coder(study: Study, out_dir: Path, **options) -> list[BundleResult]:
    """One bundle per allocated coder, each in `out_dir/coder-<name>`."""
    from interviewer.export.allocation import coder_loads, allocations

    coders = sorted(coder_loads(allocations(study)))
    if not coders:
        raise ExportRefused("No coder allocation yet; run: interviewer allocate --coders A,B,C --per-transcript 2")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_bundle(study, out_dir / f"coder-{slug(coder)}", coder=coder, **options) for coder in coders]


def _check_target(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise ExportRefused(f"{out_dir} is a file; give a folder for the bundle.")
    if not any(out_dir.iterdir()):
        return
    manifest = out_dir / MANIFEST
    try:
        earlier = json.loads(manifest.read_text(encoding="utf-8")).get("format") == BUNDLE_FORMAT
    except (OSError, ValueError, AttributeError):
        earlier = False
    if not earlier:
        raise ExportRefused(f"{out_dir} is not empty and holds no earlier bundle; choose a new or empty folder.")


def _write_contents(study: Study, export: StudyExport, folder: Path) -> None:
    base = slug(study.name)
    for index, document in enumerate(export.documents):
        name = transcript_name(export, index)
        for fmt in formats.TRANSCRIPT_FORMATS:
            formats.write_transcript(document, fmt, folder / "transcripts" / fmt / f"{name}.{fmt}",
                                     line_endings=export.line_endings)
    formats.write_study(export, "xlsx", folder / f"{base}.xlsx")
    formats.write_study(export, "qdpx", folder / f"{base}.qdpx")
    formats.write_study(export, "qdc", folder / f"{base}-codebook.qdc")
    formats.write_study(export, "csv", folder / "csv" / "segments.csv")
    write_table(tables.participants(export), folder / "csv" / "participants.csv")
    write_table(tables.codebook(export), folder / "csv" / "codebook.csv")
    write_table(tables.allocation(export), folder / "csv" / "allocation.csv")
    (folder / "sample.md").write_text(sample_table.markdown(sample_of(export)), encoding="utf-8")
    audio = _copy_audio(export, folder / "audio")
    write_readme(export, folder, base, audio, CHECKSUMS)
    _write_manifest(export, folder, audio)


def _copy_audio(export: StudyExport, folder: Path) -> list[str]:
    """The recordings as files of their own (for tools that pair audio with the SRT/VTT), named like the transcripts."""
    copied = []
    for index, document in enumerate(export.documents):
        for part in export.audio.get(document.interview.id, []):
            target = folder / f"{transcript_name(export, index)}-part-{part.part}{part.suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                part.copy_to(handle)
            copied.append(target.name)
    return copied


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_manifest(export: StudyExport, folder: Path, audio: list[str]) -> None:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    manifest = {
        "format": BUNDLE_FORMAT,
        "format_version": 1,
        "study": export.study_name,
        "created_at": now(),
        "created_by": f"interviewer {__version__}",
        "coder": export.coder,
        "quote_label_template": export.quote_label_template,
        "audio_included": bool(audio),
        "audio_files": audio,
        "line_endings": export.line_endings,
        "included": [
            {"interview": d.interview.id, "participant": d.participant.code, "quote_label": d.quote_label,
             "status": d.interview.status, "draft": d.draft, "coders": list(export.coders.get(d.interview.id, ()))}
            for d in export.documents
        ],
        "excluded": [
            {"interview": e.interview_id, "participant": e.participant_code, "status": e.status, "reason": e.reason}
            for e in export.excluded
        ],
        "not_included": not_included(export, audio),
        "files": [
            {"path": path.relative_to(folder).as_posix(), "bytes": path.stat().st_size, "sha256": sha256_file(path)}
            for path in files
        ],
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    listed = sorted(path for path in folder.rglob("*") if path.is_file())
    (folder / CHECKSUMS).write_text(
        "".join(f"{sha256_file(path)}  {path.relative_to(folder).as_posix()}\n" for path in listed), encoding="utf-8")
