/**
 * The JupyterLab plugins the site adds to the JupyterLite app:
 *   - `kernelPlugin` registers the browser TypeScript kernel as `tslab` (the notebooks' kernel);
 *   - `plotlyRenderer` is a MIME renderer for `application/vnd.plotly.v1+json`, drawing with the
 *     plotly.js the site serves (loaded once by a script tag). It is marked safe (it renders data,
 *     runs no code from the notebook) and ranks before text/html, so the saved outputs of an
 *     executed, untrusted notebook show their charts before anything is run.
 * The site's files are found relative to PageConfig's base URL (see lite/scripts/site.js).
 */
import type { JupyterFrontEndPlugin } from "@jupyterlab/application";
import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { IKernelSpecs } from "@jupyterlite/services";
import { Widget } from "@lumino/widgets";
import { TypeScriptKernel } from "./kernel";
import { loadPageScript } from "./page-scripts";

/** Folder of the site holding the kernel's and the renderer's own files. */
export const ASSETS_DIR = "adaptive-lr";
const asset = (name: string) => URLExt.join(PageConfig.getBaseUrl(), ASSETS_DIR, name);

export const kernelPlugin: JupyterFrontEndPlugin<void> = {
  id: "adaptive-lr-lite:kernel",
  description: "Browser TypeScript kernel (registered as tslab) running cells in a Web Worker.",
  autoStart: true,
  requires: [IKernelSpecs],
  activate: (_app, kernelspecs: { register(options: unknown): void }) => {
    kernelspecs.register({
      spec: {
        name: "tslab",
        display_name: "TypeScript (adaptive-lr, in the browser)",
        language: "typescript",
        argv: [],
        resources: { "logo-32x32": "", "logo-64x64": "" },
      },
      create: async (options: ConstructorParameters<typeof TypeScriptKernel>[0]) => new TypeScriptKernel(options, {
        workerUrl: asset("kernel-worker.js"),
        typescriptUrl: asset("typescript.min.js"),
        libraryUrl: asset("adaptive-lr.min.js"),
        plotlyUrl: asset("plotly.min.js"),
      }),
    });
  },
};

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

interface PlotlyGlobal {
  newPlot(el: HTMLElement, data: unknown, layout?: unknown, config?: unknown): Promise<unknown>;
  addFrames?(el: HTMLElement, frames: unknown[]): Promise<unknown>;
  Plots?: { resize(el: HTMLElement): void };
}

/** Loads the site's plotly.min.js once (sets window.Plotly). */
function loadPlotly(): Promise<PlotlyGlobal> {
  return loadPageScript(asset("plotly.min.js"), "Plotly") as Promise<PlotlyGlobal>;
}

class PlotlyWidget extends Widget implements IRenderMime.IRenderer {
  constructor() {
    super();
    this.addClass("adaptive-lr-plotly");
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const raw = model.data[PLOTLY_MIME];
    // tslab stores the figure as a JSON string (display.raw); this kernel sends an object
    const figure = (typeof raw === "string" ? JSON.parse(raw) : raw) as { data: unknown[]; layout?: Record<string, unknown>; frames?: unknown[]; config?: Record<string, unknown> };
    let Plotly: PlotlyGlobal;
    try {
      Plotly = await loadPlotly();
    } catch (e) {
      this.addClass("adaptive-lr-plotly-error");
      this.node.textContent = `The chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    const layout = { ...(figure.layout ?? {}) };
    const height = typeof layout.height === "number" ? layout.height : 460;
    this.node.style.minHeight = `${height}px`;
    await Plotly.newPlot(this.node, figure.data, layout, { responsive: true, displaylogo: false, ...(figure.config ?? {}) });
    if (figure.frames && figure.frames.length > 0 && Plotly.addFrames) await Plotly.addFrames(this.node, figure.frames);
  }

  protected onAfterShow(): void {
    const Plotly = (window as unknown as { Plotly?: PlotlyGlobal }).Plotly;
    if (Plotly?.Plots && this.node.classList.contains("js-plotly-plot")) Plotly.Plots.resize(this.node);
  }
}

export const plotlyRenderer: IRenderMime.IExtension = {
  id: "adaptive-lr-lite:plotly-renderer",
  description: "Renders application/vnd.plotly.v1+json outputs with the site's plotly.js.",
  rendererFactory: { safe: true, mimeTypes: [PLOTLY_MIME], defaultRank: 0, createRenderer: () => new PlotlyWidget() },
  rank: 0,
  dataType: "json",
};
