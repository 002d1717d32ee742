/**
 * Math for the course site without MathJax from Debian's file:///usr/share/javascript (which shows
 * raw TeX over http and on machines without that package): KaTeX from npm, copied into the site
 * (site/katex/: katex.min.js, katex.min.css, the auto-render extension and the woff2 fonts) and
 * referenced by relative URLs, so pages render formulas over http, from file:// and on any machine
 * with no request outside the site.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const KATEX_DIST = path.dirname(require.resolve("katex/dist/katex.min.js"));

/** Copies KaTeX into `<siteDir>/katex` (idempotent). */
function installKatex(siteDir) {
  const dest = path.join(siteDir, "katex");
  fs.mkdirSync(path.join(dest, "contrib"), { recursive: true });
  fs.mkdirSync(path.join(dest, "fonts"), { recursive: true });
  for (const f of ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]) fs.copyFileSync(path.join(KATEX_DIST, f), path.join(dest, f));
  // Chromium, Firefox and Safari take the first source of each @font-face, woff2: the others are never requested.
  for (const f of fs.readdirSync(path.join(KATEX_DIST, "fonts"))) {
    if (f.endsWith(".woff2")) fs.copyFileSync(path.join(KATEX_DIST, "fonts", f), path.join(dest, "fonts", f));
  }
  return dest;
}

/** The tags that load KaTeX from `prefix` (relative to the page) and typeset every markdown cell. */
function katexHead(prefix = "") {
  return `<link rel="stylesheet" href="${prefix}katex/katex.min.css">
<script defer src="${prefix}katex/katex.min.js"></script>
<script defer src="${prefix}katex/contrib/auto-render.min.js"></script>
<script>
document.addEventListener("DOMContentLoaded", function () {
  var options = { delimiters: [
    { left: "$$", right: "$$", display: true }, { left: "\\\\[", right: "\\\\]", display: true },
    { left: "$", right: "$", display: false }, { left: "\\\\(", right: "\\\\)", display: false } ], throwOnError: false };
  document.querySelectorAll(".jp-MarkdownOutput, .text_cell_render").forEach(function (el) { renderMathInElement(el, options); });
});
</script>`;
}

/**
 * Rewrites an nbconvert HTML page: drops the file:// requirejs and MathJax tags (and MathJax's
 * config), adds KaTeX. Throws if the page loads anything else from file://.
 */
function useKatex(html, prefix = "") {
  let out = html
    .replace(/<script[^>]*src="file:\/\/\/usr\/share\/javascript\/requirejs\/[^"]*"[^>]*>\s*<\/script>/g, "")
    .replace(/<script[^>]*src="file:\/\/\/usr\/share\/javascript\/mathjax\/[^"]*"[^>]*>\s*<\/script>/g, "")
    .replace(/<script type="text\/x-mathjax-config">[\s\S]*?<\/script>/g, "");
  const leftover = /(?:src|href)="file:\/\/[^"]*"/.exec(out);
  if (leftover) throw new Error(`site-math: the page still loads ${leftover[0]}`);
  if (!out.includes("</head>")) throw new Error("site-math: no </head> in the page");
  // A replacer function: in a replacement string "$$" would collapse to "$" (display math would break).
  out = out.replace("</head>", () => `${katexHead(prefix)}\n</head>`);
  return out;
}

module.exports = { installKatex, useKatex, katexHead };
