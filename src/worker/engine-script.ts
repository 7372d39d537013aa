// A script of the engine's own, loaded onto the page (a <script> element).
// webpack.config.js names `new EngineScript(new URL(…, import.meta.url))` a
// worker syntax (module.parser.javascript.worker): the file it names becomes
// an entry of its own, with its own runtime and its content's hash in its
// name — so the bundle that loads it keeps none of the engine, and a cached
// page never asks for an engine file a new release deleted.

export class EngineScript {
  /** Settles when the script has run (or could not be loaded). */
  readonly loaded: Promise<void>;

  constructor(url: URL | string) {
    this.loaded = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = String(url);
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${String(url)} could not be loaded`));
      document.head.appendChild(script);
    });
  }
}
