/**
 * Drives the site in Chromium (playwright-core page) through JupyterLab's own UI, for the test
 * (test/lite-site.test.ts) and the benchmark (bench/lite.js):
 *   openNotebook(page, siteUrl, path)  -> opens lab/index.html?path=..., waits for the kernel to be idle
 *   runAll(page)                       -> menu Run > Run All Cells, waits until no cell shows [*]
 *   readNotebook(page)                 -> per code cell: stdout/stderr text, error outputs, chart and widget counts
 *   waitCharts / waitWidgets(page)     -> waits until every chart is drawn / every explorable mounted
 *   restartKernel(page)                -> menu Kernel > Restart Kernel… (and accept the dialog)
 * The notebook's outputs are read from its model (window.jupyterapp, exposed by the page config).
 */
"use strict";

const SELECTORS = {
  notebook: ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook",
  idle: ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status='idle']",
};

/** Opens a notebook by URL and waits for it and its kernel (idle). Returns seconds until the notebook showed. */
async function openNotebook(page, siteUrl, notebookPath, { timeout = 120000 } = {}) {
  const started = Date.now();
  await page.goto(`${siteUrl}lab/index.html?path=${encodeURIComponent(notebookPath)}`, { waitUntil: "domcontentloaded", timeout });
  await page.waitForSelector(`${SELECTORS.notebook} .jp-Cell`, { timeout });
  const shown = (Date.now() - started) / 1000;
  await waitKernelIdle(page, timeout);
  return { shownSeconds: shown, readySeconds: (Date.now() - started) / 1000 };
}

/** Waits for the current notebook's kernel to be connected and idle. */
async function waitKernelIdle(page, timeout = 120000) {
  await page.waitForFunction(() => {
    const app = window.jupyterapp;
    const panel = app && app.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
    return !!kernel && kernel.status === "idle" && kernel.connectionStatus === "connected";
  }, null, { timeout, polling: 100 });
}

async function clickMenu(page, menu, item) {
  await page.click(`.lm-MenuBar-itemLabel:text-is("${menu}")`);
  await page.click(`.lm-Menu-itemLabel:text-is("${item}")`);
}

/** Run > Run All Cells, then waits until every cell has run (no [*], kernel idle). Returns seconds. */
async function runAll(page, { timeout = 300000 } = {}) {
  const started = Date.now();
  await clickMenu(page, "Run", "Run All Cells");
  await page.waitForFunction(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = panel.content.widgets.filter((c) => c.model.type === "code");
    const running = panel.node.querySelectorAll(".jp-InputPrompt").length > 0 &&
      Array.from(panel.node.querySelectorAll(".jp-InputPrompt")).some((p) => p.textContent.includes("[*]"));
    const kernel = panel.sessionContext.session.kernel;
    const allRan = cells.every((c) => c.model.executionCount !== null || c.model.sharedModel.getSource().trim() === "");
    return !running && allRan && kernel.status === "idle";
  }, null, { timeout, polling: 50 });
  return (Date.now() - started) / 1000;
}

/** Per code cell of the current notebook: { index, stdout, stderr, errors[], charts } (charts = drawn Plotly plots). */
async function readNotebook(page) {
  return page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const join = (t) => (Array.isArray(t) ? t.join("") : t || "");
    const cells = [];
    panel.content.widgets.forEach((cell, index) => {
      if (cell.model.type !== "code") return;
      const outputs = [];
      for (let i = 0; i < cell.model.outputs.length; i++) outputs.push(cell.model.outputs.get(i).toJSON());
      cells.push({
        index,
        stdout: outputs.filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => join(o.text)).join(""),
        stderr: outputs.filter((o) => o.output_type === "stream" && o.name === "stderr").map((o) => join(o.text)).join(""),
        errors: outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}\n${(o.traceback || []).join("\n")}`),
        plotlyOutputs: outputs.filter((o) => o.data && o.data["application/vnd.plotly.v1+json"]).length,
        charts: cell.node.querySelectorAll(".jp-OutputArea .adaptive-lr-plotly.js-plotly-plot").length,
        widgets: cell.node.querySelectorAll(".jp-OutputArea .adaptive-lr-explore").length,
        mountedWidgets: Array.from(cell.node.querySelectorAll(".jp-OutputArea .adaptive-lr-explore")).filter((el) => el.adaptiveLrExplore).length,
      });
    });
    return cells;
  });
}

/** Counts the charts drawn by the site's Plotly renderer in the current notebook (saved outputs included; explorables' own plots not). */
async function countCharts(page) {
  return page.evaluate(() => window.jupyterapp.shell.currentWidget.node.querySelectorAll(".jp-OutputArea .adaptive-lr-plotly.js-plotly-plot").length);
}

/** Waits until every explorable output of the current notebook is mounted; returns how many there are. */
async function waitWidgets(page, { timeout = 60000 } = {}) {
  await page.waitForFunction(() => {
    const els = window.jupyterapp.shell.currentWidget.node.querySelectorAll(".jp-OutputArea .adaptive-lr-explore");
    return Array.from(els).every((el) => el.adaptiveLrExplore);
  }, null, { timeout, polling: 100 });
  return page.evaluate(() => window.jupyterapp.shell.currentWidget.node.querySelectorAll(".jp-OutputArea .adaptive-lr-explore").length);
}

/** Waits until every Plotly output of the current notebook is drawn (or failed visibly); returns the drawn count. */
async function waitCharts(page, { timeout = 60000 } = {}) {
  await page.waitForFunction(() => {
    const node = window.jupyterapp.shell.currentWidget.node;
    const outputs = node.querySelectorAll(".adaptive-lr-plotly");
    return Array.from(outputs).every((el) => el.classList.contains("js-plotly-plot") || el.classList.contains("adaptive-lr-plotly-error"));
  }, null, { timeout, polling: 100 });
  return countCharts(page);
}

/**
 * Kernel > Restart Kernel…, accepting the dialog; waits until the kernel went through "restarting"
 * and is idle again (JupyterLite keeps the kernel id; the kernel object and its worker are new).
 */
async function restartKernel(page, { timeout = 120000 } = {}) {
  await page.evaluate(() => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    window.__adaptiveLrRestarted = false;
    kernel.statusChanged.connect((_, status) => {
      if (status === "restarting" || status === "autorestarting") window.__adaptiveLrRestarted = true;
    });
  });
  await clickMenu(page, "Kernel", "Restart Kernel…");
  await page.click(".jp-Dialog .jp-mod-accept");
  await page.waitForFunction(() => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    return window.__adaptiveLrRestarted && kernel && kernel.status === "idle";
  }, null, { timeout, polling: 100 });
}

module.exports = { openNotebook, waitKernelIdle, runAll, readNotebook, countCharts, waitCharts, waitWidgets, restartKernel, clickMenu };
