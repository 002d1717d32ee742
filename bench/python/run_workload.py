"""Times one benchmark workload in one baseline style and prints a JSON report on stdout.

    /usr/bin/python3 bench/python/run_workload.py --style lecture|numpy --workload a|b|c|d \
        --data /tmp/bench-data.json --repeats 5 [--warmup 1]

Run by bench/run.js, one process per (style, workload), so the peak resident memory
(resource.getrusage ru_maxrss) belongs to that workload alone; `baselineRssKiB` is the peak just
before the first run (interpreter, imports and the parsed data), so peak - baseline is what the
workload itself added.
"""
import argparse
import json
import os
import resource
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def max_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--style", choices=["lecture", "numpy"], required=True)
    ap.add_argument("--workload", choices=["a", "b", "c", "d"], required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    args = ap.parse_args()
    if args.repeats < 1 or args.warmup < 0:
        ap.error("--repeats must be >= 1 and --warmup >= 0")

    if args.style == "lecture":
        import lecture_style as style
    else:
        import numpy_style as style
    with open(args.data) as fh:
        data = json.load(fh)
    work = style.WORKLOADS[args.workload]

    baseline = max_rss_kib()
    warm, samples, faults, result = [], [], [], None
    for k in range(args.warmup + args.repeats):
        faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        start = time.perf_counter()
        result = work(data)
        elapsed = time.perf_counter() - start
        (warm if k < args.warmup else samples).append(elapsed)
        if k >= args.warmup:
            faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_before)
    report = {
        "style": args.style,
        "workload": args.workload,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "warmupSeconds": warm,
        "seconds": samples,
        "minorPageFaults": faults,
        "baselineRssKiB": baseline,
        "peakRssKiB": max_rss_kib(),
        "result": result,
    }
    if args.style == "numpy":
        import numpy
        report["numpy"] = numpy.__version__
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
