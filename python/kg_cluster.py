#!/usr/bin/python3
"""The Dask half of `kg cluster build` (src/cluster/build.ts runs it; not meant to be run by hand).

The Node side has listed the corpus, sorted it as `kg build` does and written it as shards in WORK/shards:
NNNNN.jsonl (the rows) and NNNNN.json (for each fragment `kg extract` will print, in its order: the
article's global merge position `seq`, its name for messages and its line in the shard). This driver:

1. ships each shard's text to a worker, which runs `node kg.js extract SHARD --format ndjson` (a row it
   refuses, as `kg build` would skip it, is blanked and the shard extracted again) and splits the
   fragments by key into P partitions (nodes by key, meetings by their participants, edges by key);
2. decides from the (seq, id, hash) of every article which ones a build merges (`GraphMerger.add`: the
   same content again is a duplicate, an id already taken with other content is skipped);
3. merges each partition on a worker (`node kg.js cluster merge-part`, merge.ts in article order) and
   writes the merged records to WORK/parts/P.ndjson, one partition at a time;
4. writes WORK/articles.jsonl (the merged articles, in order) and WORK/summary.json.

Every task is a pure function of its inputs, so a worker lost mid-run only costs Dask a recomputation.
Errors are one line on stderr starting with "error: "; progress lines start with "cluster: ".
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, Sequence

Header = tuple[str, str]  # (article id, content hash), in `kg extract` output order


class DriverError(Exception):
    """A failure to report as one line, without a traceback."""


def fail(message: str) -> NoReturn:
    raise DriverError(message)


def progress(message: str) -> None:
    print(f"cluster: {message}", file=sys.stderr, flush=True)


# ---- worker side: these functions are pickled by value and run inside Dask workers ----


def partition_of(route: str, partitions: int) -> int:
    # crc32, not hash(): Python salts str hashes per process, and every worker must agree
    return zlib.crc32(route.encode("utf-8")) % partitions


def node_route(key: str) -> str:
    """Meetings go by their participants (`meeting:WHEN:PARTS` → PARTS): every report of one meeting,
    whatever date it was given, lands in the same partition, as meeting resolution groups them."""
    if key.startswith("meeting:"):
        rest = key[len("meeting:"):]
        colon = rest.find(":")
        if colon >= 0:
            return "meeting-parts:" + rest[colon + 1:]
    return key


def dump(value: Any) -> str:
    # ASCII escapes: a lone surrogate that JavaScript escaped stays representable
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def split_fragment(seq: int, fragment: dict[str, Any], partitions: int) -> dict[int, str]:
    """One article's fragment → its line for each partition that owns some of its nodes or edges."""
    subs: dict[int, dict[str, list[Any]]] = {}
    for node in fragment["nodes"]:
        subs.setdefault(partition_of(node_route(node["key"]), partitions), {"nodes": [], "edges": []})["nodes"].append(node)
    for edge in fragment["edges"]:
        subs.setdefault(partition_of(edge["key"], partitions), {"nodes": [], "edges": []})["edges"].append(edge)
    article = fragment["article"]
    return {p: f"{seq}\t{dump({'id': article['id'], 'nodes': s['nodes'], 'edges': s['edges']})}" for p, s in subs.items()}


def run_kg(command: list[str], stdin: bytes | None, what: str) -> bytes:
    proc = subprocess.run(command, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"{what}: {lines[-1] if lines else f'exit code {proc.returncode}'}")
    return proc.stdout


ROW_FAILURE = re.compile(r"^kg: shard\.jsonl:(\d+): (.+)$")

ShardResult = tuple[list[str], list[Header], list[bytes], list[tuple[int, str]]]


def extract_rows(text: bytes, seqs: list[int], lines: list[int], kg: list[str], extra: list[str]) -> tuple[bytes, list[int], list[tuple[int, str]]]:
    """`kg extract` of the shard. A row it refuses (an empty article: `kg build` skips it) is blanked —
    line numbers, hence the order of the others, stay — and the shard extracted again without it.
    Returns the fragments, the seqs they belong to, and the (seq, reason) of each refused row."""
    rows = text.split(b"\n")
    seqs, lines = list(seqs), list(lines)
    refused: list[tuple[int, str]] = []
    with tempfile.TemporaryDirectory(prefix="kg-shard-") as tmp:
        while seqs:
            with open(os.path.join(tmp, "shard.jsonl"), "wb") as f:
                f.write(b"\n".join(rows))
            # cwd: messages name the row "shard.jsonl:LINE"
            proc = subprocess.run([*kg, "extract", "shard.jsonl", "--format", "ndjson", *extra], cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
            if proc.returncode == 0:
                return proc.stdout, seqs, refused
            message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            failure = ROW_FAILURE.match(message[-1]) if proc.returncode == 1 and message else None
            line = int(failure.group(1)) if failure else -1
            if not failure or line not in lines:
                raise RuntimeError(f"kg extract of the shard of article {seqs[0]}: {message[-1] if message else f'exit code {proc.returncode}'}")
            at = lines.index(line)
            refused.append((seqs.pop(at), failure.group(2)))
            lines.pop(at)
            rows[line - 1] = b""
    return b"", seqs, refused


def extract_shard(text: bytes, seqs: list[int], lines: list[int], kg: list[str], extra: list[str], partitions: int) -> ShardResult:
    """Extracts one shard; returns its article records (JSON), their (id, hash), one blob per partition,
    and the rows kg extract refused."""
    out, seqs, refused = extract_rows(text, seqs, lines, kg, extra)
    articles: list[str] = []
    headers: list[Header] = []
    parts: list[list[str]] = [[] for _ in range(partitions)]
    fragments = [line for line in out.split(b"\n") if line.strip()]
    if len(fragments) != len(seqs):
        raise RuntimeError(f"kg extract printed {len(fragments)} fragments for {len(seqs)} articles")
    for seq, line in zip(seqs, fragments):
        fragment = json.loads(line)
        articles.append(dump(fragment["article"]))
        headers.append((fragment["article"]["id"], fragment["article"]["hash"]))
        for p, sub in split_fragment(seq, fragment, partitions).items():
            parts[p].append(sub)
    return articles, headers, [("".join(s + "\n" for s in part)).encode("utf-8") for part in parts], refused


def pick_headers(result: ShardResult) -> tuple[list[Header], list[tuple[int, str]]]:
    """What the driver needs of a shard to decide: its articles' (id, hash) and its refused rows."""
    return result[1], result[3]


def pick_articles(result: ShardResult) -> list[str]:
    return result[0]


def pick_part(result: ShardResult, partition: int) -> bytes:
    return result[2][partition]


def merge_partition(partition: int, rejected: frozenset[int], kg: list[str], *blobs: bytes) -> bytes:
    """Merges one partition's fragment lines (minus rejected articles) with `kg cluster merge-part`."""
    keep = b"".join(keep_lines(blob, rejected) for blob in blobs)
    return run_kg([*kg, "cluster", "merge-part"], keep, f"merge of partition {partition}")


def keep_lines(blob: bytes, rejected: frozenset[int]) -> bytes:
    if not rejected:
        return blob
    return b"".join(line + b"\n" for line in blob.split(b"\n") if line and int(line.split(b"\t", 1)[0]) not in rejected)


# ---- client side ----


@dataclass(frozen=True)
class Shard:
    rows: Path
    seqs: list[int]
    names: list[str]
    lines: list[int]


@dataclass
class Acceptance:
    """What GraphMerger.add would do with each article, by seq."""

    merged: list[int]
    rejected: frozenset[int]
    duplicates: int
    skipped: list[dict[str, str]]


def load_shards(directory: Path) -> list[Shard]:
    shards: list[Shard] = []
    for rows in sorted(directory.glob("*.jsonl")):
        meta = json.loads(rows.with_suffix(".json").read_text("utf-8"))
        shards.append(Shard(rows, [int(s) for s in meta["seq"]], [str(n) for n in meta["names"]], [int(n) for n in meta["lines"]]))
    return shards


def decide(headers: dict[int, Header], refused: dict[int, str], names: dict[int, str]) -> Acceptance:
    """In merge order: a refused row is skipped; the same content again adds nothing; another content
    under a taken id is skipped."""
    hashes: set[str] = set()
    ids: set[str] = set()
    merged: list[int] = []
    rejected: set[int] = set()
    duplicates = 0
    skipped: list[dict[str, str]] = []
    for seq in sorted([*headers, *refused]):
        if seq in refused:
            skipped.append({"name": names[seq], "reason": refused[seq]})
            continue
        article_id, content = headers[seq]
        if content in hashes:
            duplicates += 1
            rejected.add(seq)
        elif article_id in ids:
            skipped.append({"name": names[seq], "reason": f'article id "{article_id}" is already in the graph with other content'})
            rejected.add(seq)
        else:
            hashes.add(content)
            ids.add(article_id)
            merged.append(seq)
    return Acceptance(merged, frozenset(rejected), duplicates, skipped)


def connect(address: str, timeout: float, workers: int, worker_timeout: float) -> Any:
    try:
        from distributed import Client
    except ImportError:
        fail("the Dask client is missing: install python3-distributed (Debian) for /usr/bin/python3")
    try:
        client = Client(address, timeout=f"{timeout}s")
    except Exception as err:  # OSError, TimeoutError, ValueError for a malformed address
        fail(f"cannot reach the Dask scheduler at {address} within {timeout:g} s ({type(err).__name__}: {str(err).splitlines()[0] if str(err) else 'no answer'})")
    try:
        client.wait_for_workers(workers, timeout=worker_timeout)
    except Exception:
        client.close()
        fail(f"fewer than {workers} Dask worker(s) joined the scheduler at {address} within {worker_timeout:g} s")
    return client


def run(client: Any, args: argparse.Namespace, shards: list[Shard]) -> None:
    from distributed import as_completed

    kg = [args.node, args.kg]
    extra = [*(["--date", args.date] if args.date else []), *(["--lang", args.lang] if args.lang else [])]
    partitions: int = args.partitions
    extracted = [
        client.submit(extract_shard, shard.rows.read_bytes(), shard.seqs, shard.lines, kg, extra, partitions, key=f"kg-extract-{i:05d}", retries=1)
        for i, shard in enumerate(shards)
    ]
    header_futures = [client.submit(pick_headers, f, key=f"kg-headers-{i:05d}") for i, f in enumerate(extracted)]
    index = {f.key: i for i, f in enumerate(header_futures)}
    headers: dict[int, Header] = {}
    refused: dict[int, str] = {}
    names: dict[int, str] = {}
    extracted_seqs: list[list[int]] = [[] for _ in shards]
    done = 0
    for future in as_completed(header_futures):
        i = index[future.key]
        shard_headers, shard_refused = future.result()
        refused.update((int(seq), str(reason)) for seq, reason in shard_refused)
        names.update(zip(shards[i].seqs, shards[i].names))
        extracted_seqs[i] = [seq for seq in shards[i].seqs if seq not in refused]
        for seq, header in zip(extracted_seqs[i], shard_headers):
            headers[seq] = (str(header[0]), str(header[1]))
        done += 1
        progress(f"extracted shard {done}/{len(shards)}")
    acceptance = decide(headers, refused, names)
    merges = [
        client.submit(merge_partition, p, acceptance.rejected, kg, *[client.submit(pick_part, f, p, key=f"kg-part-{i:05d}-{p}") for i, f in enumerate(extracted)],
                      key=f"kg-merge-{p:04d}", retries=1)
        for p in range(partitions)
    ]
    write_articles(client, extracted, extracted_seqs, acceptance, Path(args.work) / "articles.jsonl")
    parts = Path(args.work) / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    for p, future in enumerate(merges):
        (parts / f"{p:04d}.ndjson").write_bytes(future.result())
        future.release()  # the merged partition now lives on this disk only
        progress(f"merged partition {p + 1}/{partitions}")
    summary = {"merged": len(acceptance.merged), "duplicates": acceptance.duplicates, "skipped": acceptance.skipped}
    (Path(args.work) / "summary.json").write_text(json.dumps(summary), "utf-8")


def write_articles(client: Any, extracted: list[Any], extracted_seqs: list[list[int]], acceptance: Acceptance, path: Path) -> None:
    """The merged articles' records, in merge order: the graph's `articles` attribute."""
    keep = set(acceptance.merged)
    with path.open("w", encoding="utf-8") as out:
        for i, f in enumerate(extracted):
            records = client.submit(pick_articles, f, key=f"kg-articles-{i:05d}").result()
            for seq, record in zip(extracted_seqs[i], records):
                if seq in keep:
                    out.write(f"{seq}\t{record}\n")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kg_cluster.py")
    parser.add_argument("--scheduler", required=True)
    parser.add_argument("--work", required=True, help="directory with shards/; parts/, articles.jsonl, summary.json are written there")
    parser.add_argument("--kg", required=True, help="path of dist/cli/kg.js on the workers")
    parser.add_argument("--node", default="node", help="node on the workers")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--connect-timeout", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=1, help="wait for this many workers before starting")
    parser.add_argument("--worker-timeout", type=float, default=60.0)
    parser.add_argument("--date")
    parser.add_argument("--lang")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    # shards travel inside the task graph (not scattered), so that a lost worker's data can be rebuilt
    warnings.filterwarnings("ignore", message=".*Large object.*")
    warnings.filterwarnings("ignore", message=".*[Ss]ending large graph.*")
    args = parse_args(argv)
    try:
        shards = load_shards(Path(args.work) / "shards")
        client = connect(args.scheduler, args.connect_timeout, args.workers, args.worker_timeout)
        try:
            progress(f"{len(client.scheduler_info()['workers'])} worker(s) at {args.scheduler}; {len(shards)} shard(s), {args.partitions} partition(s)")
            run(client, args, shards)
        finally:
            client.close()
    except DriverError as err:
        print(f"error: {err}", file=sys.stderr, flush=True)
        return 1
    except Exception as err:  # a task's failure (kg extract refused a shard, node missing on a worker)
        first = str(err).strip().splitlines()
        print(f"error: {type(err).__name__}: {first[0] if first else 'failed'}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
