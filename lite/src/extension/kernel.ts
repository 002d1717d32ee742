/**
 * The browser TypeScript kernel (main-thread side): a JupyterLite kernel whose cells run in a Web
 * Worker (lite/src/worker). Registered under the name `tslab`, the kernelspec name the course
 * notebooks carry, so they open with it directly. Restart = a new kernel = a new worker.
 */
import type { KernelMessage } from "@jupyterlab/services";
import { BaseKernel, type IKernel } from "@jupyterlite/services";
import type { FromWorker, ToWorker } from "../worker/index";
import { loadPageScript } from "./page-scripts";

export interface KernelAssets {
  /** URL of the worker script. */
  workerUrl: string;
  /** URL of the minified TypeScript compiler. */
  typescriptUrl: string;
  /** URL of the library's browser bundle (dist/browser/adaptive-lr.min.js). */
  libraryUrl: string;
  /** URL of plotly.min.js. */
  plotlyUrl: string;
}

/** Class of an explorable's container in its text/html (src/explore/html.ts). */
const EXPLORE_MARK = 'class="adaptive-lr-explore"';

type Reply = KernelMessage.IExecuteReplyMsg["content"];

export class TypeScriptKernel extends BaseKernel {
  private readonly worker: Worker;
  private readonly started: Promise<void>;
  private readonly pending = new Map<number, (done: Extract<FromWorker, { type: "done" }>) => void>();
  private nextId = 0;

  private readonly assets: KernelAssets;

  constructor(options: IKernel.IOptions, assets: KernelAssets) {
    super(options);
    this.assets = assets;
    this.worker = new Worker(assets.workerUrl);
    this.started = new Promise((resolve, reject) => {
      this.worker.onerror = (e) => reject(new Error(`TypeScript kernel worker failed to start: ${e.message}`));
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
        if (event.data.type === "ready") {
          this.worker.onmessage = (ev: MessageEvent<FromWorker>) => this.fromWorker(ev.data);
          resolve();
        }
      };
    });
    const init: ToWorker = { type: "init", typescriptUrl: assets.typescriptUrl, libraryUrl: assets.libraryUrl };
    this.worker.postMessage(init);
  }

  get ready(): Promise<void> {
    return this.started;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.worker.terminate();
    super.dispose();
  }

  private fromWorker(msg: FromWorker): void {
    if (msg.type === "stream") this.stream({ name: msg.name, text: msg.text });
    else if (msg.type === "display") {
      // an explorable mounts itself in the page with window.Plotly and window.adaptiveLr: load them first
      const html = msg.data["text/html"];
      if (typeof html === "string" && html.includes(EXPLORE_MARK)) {
        void loadPageScript(this.assets.plotlyUrl, "Plotly").then(() => loadPageScript(this.assets.libraryUrl, "adaptiveLr"))
          .catch((e: unknown) => console.error("adaptive-lr: could not load the explorables' scripts", e));
      }
      this.displayData({ data: msg.data as never, metadata: {} });
    }
    else if (msg.type === "done") {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg);
    }
  }

  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg["content"]> {
    return {
      status: "ok",
      protocol_version: "5.3",
      implementation: "adaptive-lr-browser-typescript",
      implementation_version: "0.1.0",
      language_info: {
        name: "typescript",
        version: "5.9",
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: { name: "typescript" },
      },
      banner: "TypeScript in the browser (adaptive-lr JupyterLite kernel)",
      help_links: [],
    };
  }

  async executeRequest(content: KernelMessage.IExecuteRequestMsg["content"]): Promise<Reply> {
    await this.started;
    const id = ++this.nextId;
    const done = await new Promise<Extract<FromWorker, { type: "done" }>>((resolve) => {
      this.pending.set(id, resolve);
      const msg: ToWorker = { type: "execute", id, code: content.code };
      this.worker.postMessage(msg);
    });
    if (done.status === "ok") {
      return { status: "ok", execution_count: this.executionCount, user_expressions: {} };
    }
    const error = { ename: done.ename, evalue: done.evalue, traceback: done.traceback };
    this.publishExecuteError(error);
    return { status: "error", execution_count: this.executionCount, ...error } as Reply;
  }

  async completeRequest(content: KernelMessage.ICompleteRequestMsg["content"]): Promise<KernelMessage.ICompleteReplyMsg["content"]> {
    return { status: "ok", matches: [], cursor_start: content.cursor_pos, cursor_end: content.cursor_pos, metadata: {} };
  }

  async inspectRequest(): Promise<KernelMessage.IInspectReplyMsg["content"]> {
    return { status: "ok", found: false, data: {}, metadata: {} };
  }

  async isCompleteRequest(): Promise<KernelMessage.IIsCompleteReplyMsg["content"]> {
    return { status: "complete" };
  }

  async commInfoRequest(): Promise<KernelMessage.ICommInfoReplyMsg["content"]> {
    return { status: "ok", comms: {} };
  }

  inputReply(): void {
    // input() is not supported by this kernel
  }

  async commOpen(): Promise<void> {
    // no comms
  }

  async commMsg(): Promise<void> {
    // no comms
  }

  async commClose(): Promise<void> {
    // no comms
  }
}
