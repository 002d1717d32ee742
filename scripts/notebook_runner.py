#!/usr/bin/env python3
"""Execute one notebook through its Jupyter kernel (nbclient), the way `jupyter nbconvert --execute` does,
but cell by cell so a failure names the cell and carries its real error text: tslab writes a cell's
error to the stderr stream, not to the error reply, so nbconvert alone reports an empty message.

Writes the executed notebook (optionally signed, so Jupyter trusts its chart scripts), optionally an
HTML export, and a JSON summary: per-cell timing, charts emitted, animation frames, sizes, error.
Exit status 0 when every cell ran, 1 when a cell failed, 2 on bad usage or a missing dependency.

Used by scripts/course.js (npm run course) and test/helpers/notebooks.ts.
"""
import argparse
import json
import re
import os
import sys
import time

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("notebook", help="the .ipynb to execute")
    p.add_argument("--out", required=True, help="where to write the executed notebook")
    p.add_argument("--html", help="also export HTML here")
    p.add_argument("--summary", help="write a JSON summary here (default: stdout)")
    p.add_argument("--sign", action="store_true", help="sign the executed notebook (Jupyter will trust it)")
    p.add_argument("--cwd", help="kernel working directory (default: the notebook's folder)")
    p.add_argument("--kernel", help="kernel name (default: the notebook's kernelspec)")
    p.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    p.add_argument("--startup-timeout", type=int, default=120, help="seconds allowed for the kernel to start")
    return p.parse_args()


def stream_text(cell, name):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == name)


def chart_stats(nb):
    charts, frames = 0, []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data") or {}
            if PLOTLY_MIME in data:
                charts += 1
                fig = data[PLOTLY_MIME]
                if isinstance(fig, str):
                    fig = json.loads(fig)
                frames.append(len(fig.get("frames") or []))
    return charts, frames


def main():
    args = parse_args()
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    except ImportError as err:
        print(f"notebook_runner: missing Python package ({err}); install jupyter-nbconvert "
              f"(apt-get install jupyter-nbconvert jupyter-client) or pip install nbconvert", file=sys.stderr)
        return 2

    source = os.path.abspath(args.notebook)
    nb = nbformat.read(source, as_version=4)
    cwd = os.path.abspath(args.cwd or os.path.dirname(source))
    kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name") or "tslab"
    client = NotebookClient(nb, timeout=args.timeout, startup_timeout=args.startup_timeout,
                            kernel_name=kernel, resources={"metadata": {"path": cwd}},
                            shutdown_kernel="immediate")
    summary = {"notebook": source, "kernel": kernel, "ok": True, "cells": [], "error": None}
    started = time.time()
    failed = None
    with client.setup_kernel():
        summary["kernelStartSeconds"] = round(time.time() - started, 3)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t0 = time.time()
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
                failed = (index, cell, err)
            if cell.get("execution_count") is None:  # tslab's reply carries none: number the cells as Jupyter would
                cell["execution_count"] = len(summary["cells"]) + 1
            summary["cells"].append({"index": index, "seconds": round(time.time() - t0, 3),
                                     "outputs": len(cell.get("outputs", []))})
            if failed:
                break
    summary["seconds"] = round(time.time() - started, 3)

    if failed:
        index, cell, err = failed
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        stderr = stream_text(cell, "stderr")
        ename = errors[0].get("ename", "") if errors else type(err).__name__
        evalue = errors[0].get("evalue", "") if errors else ""
        trimmed = "\n".join(line for line in stderr.splitlines()
                             if not re.match(r"^\s+at .*(node:vm|node:internal|tslab/dist|sigintHandlersWrap)", line))
        reply = f"{ename}: {evalue}" if evalue else ""
        message = "\n".join(s for s in [trimmed.strip(), reply] if s)
        if not message.strip():
            message = str(err).strip() or type(err).__name__
        summary["ok"] = False
        summary["error"] = {"cell": index, "source": cell.source, "ename": ename, "evalue": evalue,
                            "stderr": stderr, "message": message}

    summary["charts"], summary["frames"] = chart_stats(nb)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    if args.sign and not failed:
        from nbformat.sign import NotebookNotary
        NotebookNotary().sign(nb)
    nbformat.write(nb, args.out)
    summary["out"] = os.path.abspath(args.out)
    summary["bytes"] = os.path.getsize(args.out)

    if args.html and not failed:
        from nbconvert import HTMLExporter
        exporter = HTMLExporter()
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": os.path.splitext(os.path.basename(source))[0]}})
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(body)
        summary["html"] = os.path.abspath(args.html)
        summary["htmlBytes"] = os.path.getsize(args.html)

    text = json.dumps(summary, indent=1)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text)
    if failed:
        e = summary["error"]
        print(f"{os.path.basename(source)}: cell {e['cell']} failed:\n{e['source']}\n---\n{e['message']}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
