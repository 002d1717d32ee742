import { safeText } from "./text";

/** A progress bar on a stream: redrawn in place on a terminal, one line per update otherwise. */
export class ProgressBar {
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 24,
  ) {}

  update(done: number, label: string): void {
    const filled = this.total === 0 ? this.width : Math.round((done / this.total) * this.width);
    const bar = `[${"#".repeat(filled)}${"-".repeat(this.width - filled)}] ${done}/${this.total} ${safeText(label, 80)}`;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${bar}${done === this.total ? "\n" : ""}`);
    else this.stream.write(bar + "\n");
  }
}
