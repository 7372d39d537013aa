// The web page's UI (loaded by index.ts as soon as the page starts, while
// the worker starts and a sample asked for in the address is fetched and
// read): the page around the pane, opening files, the pane itself.
//
// The user opens a workbook (file picker, drag and drop, or a sample); a Web
// Worker reads it (readXlsx) and runs the engine; the page loads it into the
// fake Excel (src/fake), and the real pane runs the real Excel adapter on it
// — the same code as in Excel. Download saves the file as the user left it:
// the page records each fix, evaluation sheet and Compute the pane makes
// (steps.ts), and the worker replays them on the .xlsx as the command line
// would (with none, the computed copy: the bytes `unelgee compute` writes).
// A roll-up is read in the worker and saved as a workbook of its own. No
// office.js, no network: every request goes to the page's own origin.

import { startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Area } from '../core';
import { envFrom, type ExcelLike, type OfficeLike } from '../excel/env';
import { createExcelHost } from '../excel/host';
import { SETTINGS_KEY, parseSettings } from '../excel/settings';
import type { HostActions, Progress } from '../excel/types';
import { parseRange, type FakeExcel, type FakeExcelOptions } from '../fake/excel';
import type { Lang } from '../i18n/ui';
import { uiText } from '../i18n/ui';
import { webText } from '../i18n/web';
import { mountPane } from '../taskpane/mount';
import { WorkerClient } from '../worker/client';
import { rollupFiles, rollupOptions } from '../taskpane/excel-rollup';
import { BookClient, checkedName, computedName, rollupName, saveToDisk, type OpenedBook } from './book';
import { StepLog, recordingHost } from './steps';
import { buildFake } from './load';
import { deferredHost } from './deferred-host';
import { PageShell } from './PageShell';
import { sampleBytes, type SampleName } from './sample';


/** The largest file the page reads, as the command line (an .xlsx of 20,000 report rows is under 1 MB). */
const MAX_BYTES = 100 * 1024 * 1024;

let lang: Lang = 'mn';
let displayLanguage = 'mn-MN';
let book: BookClient;
let shellRoot: Root;
let paneContainer: HTMLElement;
let panePlaceholder: HTMLElement | null;
let paneRoot: Root | null = null;
let fake: FakeExcel | null = null;
let version = 0;
let reading: { name: string; stage: string } | null = null;
let error: string | null = null;
let dragging = false;
let opened = 0;
/** The content-changing steps the user took on the workbook shown (a new list for each workbook). */
let steps = new StepLog();

let frame = 0;
function redraw() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    draw();
  });
}

function draw() {
  version++;
  if (fake) {
    // The page speaks the pane's language once the user chooses one.
    const saved = fake.office.settings.get(SETTINGS_KEY);
    if (saved) lang = parseSettings(saved, displayLanguage).lang;
  }
  document.documentElement.lang = lang;
  if (panePlaceholder) {
    panePlaceholder.hidden = paneRoot !== null;
    panePlaceholder.textContent = webText(lang, 'paneEmpty');
  }
  // The page around the pane is drawn at a lower priority than the pane: its buttons come alive first.
  startTransition(() =>
    shellRoot.render(
    <PageShell
      lang={lang}
      fake={fake}
      bookId={opened}
      version={version}
      reading={reading}
      error={error}
      dragging={dragging}
      onFile={(file) => void openFile(file)}
      onSample={(name) => void openSample(name)}
      onActivate={activate}
      onSelect={select}
      onGoTo={goTo}
      onDismissError={() => {
        error = null;
        draw();
      }}
    />,
    ),
  );
}

function activate(sheetName: string) {
  const s = fake?.model.byName(sheetName);
  if (!fake || !s) return;
  fake.model.activeId = s.id;
  draw();
}

function select(sheetName: string, area: Area) {
  const s = fake?.model.byName(sheetName);
  if (!fake || !s) return;
  fake.model.selection = { sheetId: s.id, area };
  draw();
}

/** "H40", "h40", "Тайлан!H40", "'Үнэлгээний хураангуй'!A1:B2": selects it (and its sheet); false when it is not a cell. */
function goTo(text: string): boolean {
  if (!fake || !text) return false;
  const bang = text.lastIndexOf('!');
  const raw = bang < 0 ? '' : text.slice(0, bang);
  const name = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const sheet = name ? fake.model.byName(name) : fake.model.active;
  if (!sheet || sheet.visibility !== 'Visible') return false;
  const address = (bang < 0 ? text : text.slice(bang + 1)).toUpperCase();
  if (!/^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/.test(address)) return false;
  try {
    const area = parseRange(address);
    fake.model.activeId = sheet.id;
    fake.model.selection = { sheetId: sheet.id, area };
  } catch {
    return false;
  }
  draw();
  return true;
}

function stageWords(p: Progress | null): string {
  if (!p || p.stage === 'open') return `${uiText(lang, 'stageOpen')}…`;
  return webText(lang, 'showing');
}

/** Why a file was refused: the reader's sentence (as the command line prints it), or the detail of anything else. */
function refusal(name: string, e: unknown): string {
  const x = e as { text?: { mn?: string; en?: string }; message?: string } | null;
  const why = x?.text && typeof x.text[lang] === 'string' ? x.text[lang]! : x?.message ?? String(e);
  return webText(lang, 'cannotRead', { name, why });
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Reads a workbook's bytes in the worker (refusing what is too large). */
function readInWorker(name: string, bytes: Promise<Uint8Array>): Promise<OpenedBook> {
  return bytes.then((b) => {
    performance.mark('unelgee:bytes');
    if (b.byteLength > MAX_BYTES) throw { text: { mn: webText('mn', 'tooLarge', { limit: 100 }), en: webText('en', 'tooLarge', { limit: 100 }) } };
    return book.open(b, (p) => {
      if (reading) reading = { name, stage: stageWords(p) };
      redraw();
    });
  });
}

async function openBytes(name: string, reading$: Promise<OpenedBook>): Promise<void> {
  error = null;
  // The first workbook: the pane is drawn now, while the worker reads the file, and comes alive when it is in.
  // (With a workbook open, the open one stays until the new one is read: a file that cannot be read changes nothing.)
  let waiting: ((host: HostActions) => void) | null = null;
  if (paneRoot === null) {
    const ready = new Promise<HostActions>((resolve) => (waiting = resolve));
    mountFor(name, name.toLowerCase().endsWith('.xlsm'), deferredHost(ready));
  }
  reading = { name, stage: stageWords(null) };
  draw();
  let workbook: OpenedBook;
  try {
    workbook = await reading$;
  } catch (e) {
    if (waiting) {
      paneRoot?.unmount();
      paneRoot = null;
    }
    reading = null;
    error = refusal(name, e);
    draw();
    return;
  }
  performance.mark('unelgee:read');
  reading = { name, stage: webText(lang, 'showing') };
  draw();
  await nextFrame();
  const next = await buildFake(workbook, fakeOptions());
  performance.mark('unelgee:fake');
  install(name, next);
  steps = new StepLog();
  const host = recordingHost(createExcelHost({ ...envFrom(next.Excel as unknown as ExcelLike, next.office as unknown as OfficeLike), engine: book.engine }), steps);
  download = { fileName: computedName(name, workbook.macroEnabled), macro: workbook.macroEnabled };
  if (waiting) (waiting as (host: HostActions) => void)(host);
  else mountFor(name, workbook.macroEnabled, host);
  performance.mark('unelgee:pane');
}

/** The fake Excel's options on the page. */
const fakeOptions = (): FakeExcelOptions => ({
  displayLanguage,
  // On the page every visible sheet is in scope, as the command line and the downloaded copy have it.
  settings: { [SETTINGS_KEY]: JSON.stringify({ profileId: 'practice', scope: 'workbook', lang, overrides: [] }) },
  // Not Excel on the web: no 5 MB limit per request (a large sheet is read in one go, not twice).
  payloadLimit: 256 * 1024 * 1024,
  // Large reads and writes let the page answer clicks and scrolling meanwhile.
  sliceMs: 30,
});

/** What Download saves: the name, and whether it is macro-enabled. */
let download = { fileName: '', macro: false };

/** The pane for a workbook (a new pane: its state belongs to the workbook). */
function mountFor(name: string, macro: boolean, host: HostActions): void {
  paneRoot?.unmount();
  download = { fileName: computedName(name, macro), macro };
  paneRoot = mountPane(paneContainer, {
    host,
    lang,
    outcomes: null,
    download: {
      name: download.fileName,
      save: async (settings) => saveToDisk(await book.download(settings, steps.steps), download.fileName, download.macro),
      checked: {
        name: checkedName(name, macro),
        save: async (settings) => saveToDisk(await book.downloadChecked(settings, steps.steps, name), checkedName(name, macro), macro),
      },
    },
    rollup: async (picked, settings, onProgress) => {
      const { files, refused } = await rollupFiles(picked);
      const answer = await book.rollup(files, { ...rollupOptions(settings), refused }, onProgress);
      const savedAs = answer.bytes ? rollupName() : null;
      if (answer.bytes && savedAs) saveToDisk(answer.bytes, savedAs, false);
      return { read: answer.read, notRead: answer.notRead, rows: answer.rows, sheets: null, savedAs };
    },
  });
}

/** The fake becomes the page's Excel: drawn again after every batch the adapter runs. */
function install(name: string, next: FakeExcel): void {
  next.install(window as unknown as Record<string, unknown>);
  const run = next.Excel.run.bind(next.Excel);
  const state = { fake: next, file: name, runs: 0, opened: ++opened };
  next.Excel.run = async (batch) => {
    try {
      return await run(batch);
    } finally {
      state.runs++;
      redraw();
    }
  };
  window.unelgeePreview = state;
  fake = next;
  reading = null;
  draw();
}

function openFile(file: File): Promise<void> {
  const bytes = (async () => {
    if (file.size > MAX_BYTES) throw { text: { mn: webText('mn', 'tooLarge', { limit: 100 }), en: webText('en', 'tooLarge', { limit: 100 }) } };
    return new Uint8Array(await file.arrayBuffer());
  })();
  return openBytes(file.name, readInWorker(file.name, bytes));
}

function openSample(name: SampleName): Promise<void> {
  return openBytes(`${name}.xlsx`, readInWorker(`${name}.xlsx`, sampleBytes(name)));
}

export interface Start {
  worker: WorkerClient;
  params: URLSearchParams;
  /** A sample asked for in the address: already fetched and being read by the worker. */
  early: { name: string; opened: Promise<OpenedBook> } | null;
}

/** Draws the page (and opens the sample asked for in the address). */
export function start({ worker, params, early }: Start): void {
  lang = params.get('lang') === 'en' ? 'en' : 'mn';
  displayLanguage = lang === 'en' ? 'en-US' : 'mn-MN';
  book = new BookClient(worker);
  shellRoot = createRoot(document.getElementById('page')!);
  paneContainer = document.getElementById('container')!;
  panePlaceholder = document.getElementById('pane-empty');
  listenForDrops();
  if (early) void openBytes(early.name, early.opened);
  else draw();
}

function listenForDrops(): void {
  // Drag and drop anywhere on the page.
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    if (!dragging) {
      dragging = true;
      draw();
    }
  });
  window.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null && dragging) {
      dragging = false;
      draw();
    }
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragging = false;
    const file = e.dataTransfer?.files[0];
    if (file) void openFile(file);
    else draw();
  });
}
