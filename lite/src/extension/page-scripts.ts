/**
 * Loads one of the site's scripts into the page once (plotly.min.js sets window.Plotly, the
 * library's bundle window.adaptiveLr) and resolves with the global it sets.
 */
const loading = new Map<string, Promise<unknown>>();

export function loadPageScript(url: string, globalName: string): Promise<unknown> {
  const w = window as unknown as Record<string, unknown>;
  if (w[globalName]) return Promise.resolve(w[globalName]);
  let pending = loading.get(url);
  if (!pending) {
    pending = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => (w[globalName] ? resolve(w[globalName]) : reject(new Error(`${url} loaded but set no window.${globalName}`)));
      script.onerror = () => {
        loading.delete(url);
        reject(new Error(`could not load ${url}`));
      };
      document.head.appendChild(script);
    });
    loading.set(url, pending);
  }
  return pending;
}
