/*
 * dist/unelgee.html: the web page as ONE file, for a desk with no server —
 * opened by double-click (file://), from a USB stick or an e-mail
 * attachment, as well as served from any web server. Two webpack
 * compilations (webpack.config.js adds them beside the add-in's):
 *
 *   single-engine  src/preview/engine.inline.ts: the page's worker (reads
 *                  the workbook, runs the engine, writes the download) as
 *                  one script.
 *   single-page    src/preview/index.ts with everything it loads later in
 *                  the same script (no chunks), starting its worker from a
 *                  blob: URL of the engine's text (book-worker-start.inline.ts)
 *                  and, where the browser refuses a worker, running that same
 *                  script on the page.
 *
 * then the page's own template (src/preview/app.html) is filled in
 * (assemble): the engine as `<script id="unelgee-engine">function
 * unelgeeEngine(){…}</script>` (defined, not run), the samples as a data
 * block (base64, only while the file stays within BUDGET), the icon as a
 * data: URL, the page's script, a Content-Security-Policy <meta> that allows
 * only the scripts it carries (by their SHA-256), blob: workers, inline
 * styles (Fluent UI writes its styles at run time) and data:/blob: images —
 * nothing from any origin —, and a plain line in Mongolian and English for a
 * browser too old to run it (Internet Explorer, old EdgeHTML), shown by a
 * last small ES5 script when the page's script did not start.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, 'dist', 'single');
const OUT = path.join(ROOT, 'dist', 'unelgee.html');
const TEMPLATE = path.join(ROOT, 'src', 'preview', 'app.html');
const ICON = path.join(ROOT, 'assets', 'icon-32.png');
const SAMPLES = ['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit', 'plan-2023-digital-year-soum'];
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The file's budget: 1.5 MB. The samples go in only while it is kept. */
const BUDGET = 1_500_000;

/** The ids the page's code looks for (src/preview/inline-engine.ts, sample.ts). */
const ENGINE_SCRIPT_ID = 'unelgee-engine';
const ENGINE_FUNCTION = 'unelgeeEngine';
const SAMPLES_DATA_ID = 'unelgee-samples';

/** Shown by the last script when the page's script did not start (no syntax or API it needs). */
const TOO_OLD = [
  'Энэ хөтөч хэт хуучин тул Үнэлгээ ажиллахгүй. Chrome, Edge, Firefox-ын шинэ хувилбараар нээнэ үү (Internet Explorer-т ажиллахгүй).',
  'This browser is too old for Үнэлгээ. Open this file in a current Chrome, Edge or Firefox (Internet Explorer cannot run it).',
];

/** ES5 only: it must run where the page's script could not. */
const TOO_OLD_CHECK =
  "(function(){if(window.unelgeeStarted)return;var e=document.getElementById('unelgee-too-old');if(e)e.style.display='block';})();";

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Script text safe inside <script>…</script>: "</script" can only stand in a string, regex or comment, where "<\/" means the same. */
function scriptText(code, what) {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  // "<!--" inside a script changes how the HTML parser finds its end: refuse rather than guess.
  if (/<!--/.test(safe)) throw new Error(`single file: ${what} contains "<!--"`);
  if (/\r/.test(safe)) throw new Error(`single file: ${what} contains a carriage return (it would change the script's hash)`);
  return safe;
}

/** The license comments terser moved out (NAME.LICENSE.txt), put back inside the script they belong to. */
function withLicenses(code, assets, name) {
  const licenses = assets[`${name}.LICENSE.txt`];
  const banner = `/*! For license information please see ${name}.LICENSE.txt */`;
  if (!code.includes(banner)) return code;
  const text = licenses ? licenses.replace(/\*\//g, '* /') : '';
  return code.replace(banner, `/*!\n${text}\n*/`);
}

function replaceOnce(html, anchor, by) {
  const at = html.indexOf(anchor);
  if (at < 0 || html.indexOf(anchor, at + anchor.length) >= 0) throw new Error(`single file: the template must hold ${JSON.stringify(anchor)} once`);
  return html.slice(0, at) + by + html.slice(at + anchor.length);
}

/**
 * The page: the template with everything inlined. Returns the HTML and what
 * went in (for the build's line and the tests).
 */
function assemble({ template, pageJs, engineJs, icon, samples }) {
  const engine = scriptText(`function ${ENGINE_FUNCTION}(){${engineJs}\n}`, 'the engine');
  const page = scriptText(pageJs, "the page's script");
  const csp = (scripts) =>
    [
      "default-src 'none'",
      `script-src ${scripts.map(sha256).join(' ')}`,
      // The page's worker, started from a blob: URL of the engine's text (child-src: browsers before worker-src).
      'worker-src blob:',
      'child-src blob:',
      "style-src 'unsafe-inline'",
      'img-src data: blob:',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
  const build = (samplesIncluded) => {
    const data = JSON.stringify(Object.fromEntries(samplesIncluded.map((name) => [name, samples[name].toString('base64')])));
    let html = template.replace(/<!--[\s\S]*?-->\s*/, '');
    html = replaceOnce(
      html,
      '<meta charset="utf-8">',
      [
        '<meta charset="utf-8">',
        '  <meta http-equiv="X-UA-Compatible" content="IE=edge">',
        `  <meta http-equiv="Content-Security-Policy" content="${csp([engine, page, TOO_OLD_CHECK])}">`,
      ].join('\n'),
    );
    html = replaceOnce(html, 'href="assets/icon-32.png"', `href="data:image/png;base64,${icon.toString('base64')}"`);
    html = replaceOnce(
      html,
      '<body>',
      `<body>\n  <div id="unelgee-too-old" role="alert" style="display:none;margin:16px;font-size:16px;line-height:24px">${TOO_OLD.map((line) => `<p>${line}</p>`).join('')}</div>`,
    );
    html = replaceOnce(
      html,
      '</body>',
      [
        `  <script id="${ENGINE_SCRIPT_ID}">${engine}</script>`,
        `  <script type="application/json" id="${SAMPLES_DATA_ID}">${data}</script>`,
        `  <script>${page}</script>`,
        `  <script>${TOO_OLD_CHECK}</script>`,
        '</body>',
      ].join('\n'),
    );
    return html;
  };
  let included = [...SAMPLES];
  let html = build(included);
  while (Buffer.byteLength(html) > BUDGET && included.length > 0) {
    included = included.slice(0, -1);
    html = build(included);
  }
  return { html, samples: included, bytes: Buffer.byteLength(html) };
}

/** Writes dist/unelgee.html once single-page is emitted (single-engine is done before it). */
class AssemblePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('unelgee-single-file', async (compilation) => {
      const text = (name) => fs.readFileSync(path.join(WORK, name), 'utf8');
      const assets = (names) => Object.fromEntries(names.filter((n) => fs.existsSync(path.join(WORK, n))).map((n) => [n, text(n)]));
      const all = assets(['unelgee.js', 'unelgee.js.LICENSE.txt', 'engine.js', 'engine.js.LICENSE.txt']);
      const result = assemble({
        template: fs.readFileSync(TEMPLATE, 'utf8'),
        pageJs: withLicenses(all['unelgee.js'], all, 'unelgee.js'),
        engineJs: withLicenses(all['engine.js'], all, 'engine.js'),
        icon: fs.readFileSync(ICON),
        samples: Object.fromEntries(SAMPLES.map((name) => [name, fs.readFileSync(path.join(FIXTURES, `${name}.xlsx`))])),
      });
      if (result.bytes > BUDGET) {
        compilation.errors.push(new webpack.WebpackError(`dist/unelgee.html is ${result.bytes} bytes, over its budget of ${BUDGET} even without the samples`));
        return;
      }
      fs.writeFileSync(OUT, result.html);
      const dropped = SAMPLES.filter((name) => !result.samples.includes(name));
      const line = `dist/unelgee.html: ${result.bytes} bytes (budget ${BUDGET}); samples inside: ${result.samples.length}/${SAMPLES.length}`;
      if (dropped.length > 0) compilation.warnings.push(new webpack.WebpackError(`${line}; left out to keep the budget: ${dropped.join(', ')}`));
      else console.log(line);
    });
  }
}

/** The two compilations; `webRules` are the add-in's (TypeScript, Babel for the dependencies that need it). */
function singleFileConfigs({ webRules }) {
  const common = {
    mode: 'production',
    devtool: false,
    target: ['web', 'es2020'],
    resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
    module: { rules: webRules },
    optimization: { splitChunks: false },
    performance: { hints: false },
  };
  const oneScript = new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 });
  return [
    {
      ...common,
      name: 'single-engine',
      entry: { engine: './src/preview/engine.inline.ts' },
      output: { path: WORK, filename: '[name].js', globalObject: 'self', clean: true },
      plugins: [oneScript],
    },
    {
      ...common,
      name: 'single-page',
      dependencies: ['single-engine'],
      entry: { unelgee: './src/preview/index.ts' },
      output: { path: WORK, filename: '[name].js', globalObject: 'self' },
      plugins: [
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
        // The worker from the page's own text, the in-process engine from the same script.
        new webpack.NormalModuleReplacementPlugin(/[\\/]book-worker-start$/, path.join(ROOT, 'src/preview/book-worker-start.inline.ts')),
        new webpack.NormalModuleReplacementPlugin(/[\\/]inprocess$/, path.join(ROOT, 'src/preview/inprocess.inline.ts')),
        new AssemblePlugin(),
      ],
    },
  ];
}

module.exports = { singleFileConfigs, assemble, BUDGET, OUT, ENGINE_SCRIPT_ID, ENGINE_FUNCTION, SAMPLES_DATA_ID, TOO_OLD };
