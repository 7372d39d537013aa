// The web page's UI (loaded by index.ts as soon as the page starts, while
// the worker starts and a sample asked for in the address is fetched and
// read): the page around the pane, opening files, the pane itself.
//
// The user opens a workbook (file picker, drag and drop, or a sample); a Web
// Worker reads it (readXlsx) and runs the engine; the page loads it into the
// fake Excel (src/in-memory-excel), and the real pane runs the real Excel adapter on it
// — the same code as in Excel. Download saves the file as the user left it:
// the page records each fix, evaluation sheet and Compute the pane makes
// (steps.ts), and the worker replays them on the .xlsx as the command line
// would (with none, the computed copy: the bytes `unelgee compute` writes).
// A roll-up (Нэгтгэх, or several files picked or dropped) is read in the
// worker and opened as a workbook of its own in the sheet view, its links to
// the files it rolled up working; Download saves it. No office.js, no
// network: every request goes to the page's own origin.

import { startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Area } from '../core';
import { envFrom, type ExcelLike, type OfficeLike } from '../excel/env';
import { createExcelHost } from '../excel/host';
import { SETTINGS_KEY, defaultSettings, parseSettings } from '../excel/settings';
import type { AddinSettings, HostActions, Progress, ProgressListener } from '../excel/types';
import { parseRange, type FakeExcel, type FakeExcelOptions } from '../in-memory-excel/excel';
import type { Lang } from '../i18n/ui';
import { uiText } from '../i18n/ui';
import { webText } from '../i18n/web';
import { mountPane } from '../taskpane/mount';
import { WorkerClient } from '../worker/client';
import { rollupFiles, rollupOptions } from '../taskpane/excel-rollup';
import { both, rolledUpMessage, type PaneOptions, type RollupDone } from '../taskpane/usePaneActions';
import { BookClient, checkedName, computedName, rollupName, saveToDisk, type OpenedBook } from './book';
import type { RollupLook } from './rollup-look';
import { dressRollup, keepFileResults } from './rollup-view';
import { StepLog, recordingHost } from './steps';
import { buildFake } from './load';
import { deferredHost } from './deferred-host';
import { PageShell } from './PageShell';
import type { SheetLinks } from './SheetView';
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
let reading: { name: string; stage: string; title?: string } | null = null;
let error: string | null = null;
let dragging = false;
let opened = 0;
/** The content-changing steps the user took on the workbook shown (a new list for each workbook). */
let steps = new StepLog();
/** Several files picked or dropped, waiting for the user's choice: roll them up or open the first. */
let offered: File[] | null = null;
/** The last roll-up made: its files (its links open them), its bytes (Download), how it looks (the sheet view). */
let rolledUp: { files: File[]; bytes: Uint8Array; look: RollupLook; done: RollupDone; name: string } | null = null;
/** The workbook shown is that roll-up. */
let showingRollup = false;

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
  // The pane's column (app.html's <aside>) is a landmark only while it waits: the pane brings its own <main>,
  // which must not sit inside another landmark.
  const paneColumn = paneContainer.parentElement;
  // (A name would undo role="none": an element with a global ARIA attribute keeps its landmark role.)
  if (paneColumn?.tagName === 'ASIDE') {
    if (paneRoot !== null) {
      paneColumn.setAttribute('role', 'none');
      paneColumn.removeAttribute('aria-label');
    } else {
      paneColumn.removeAttribute('role');
      paneColumn.setAttribute('aria-label', webText(lang, 'paneLabel'));
    }
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
      onFiles={onFiles}
      onRollup={(files) => void rollUpFromPage(files)}
      offer={offered && { count: offered.length, names: fileNames(offered), first: offered[0].name }}
      onOffer={onOffer}
      onBackToRollup={rolledUp && !showingRollup ? () => void showRollup(rolledUp!) : null}
      links={showingRollup ? rollupLinks : undefined}
      paneShown={paneRoot !== null}
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
  const sheet = fake?.model.byName(sheetName);
  if (!fake || !sheet) return;
  fake.model.activeId = sheet.id;
  draw();
}

function select(sheetName: string, area: Area) {
  const sheet = fake?.model.byName(sheetName);
  if (!fake || !sheet) return;
  fake.model.selection = { sheetId: sheet.id, area };
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

function stageWords(progress: Progress | null): string {
  if (!progress || progress.stage === 'open') return `${uiText(lang, 'stageOpen')}…`;
  return webText(lang, 'showing');
}

/** Why a file was refused: the reader's sentence (as the command line prints it), or the detail of anything else. */
function refusal(name: string, thrown: unknown): string {
  const refused = thrown as { text?: { mn?: string; en?: string }; message?: string } | null;
  const why = refused?.text && typeof refused.text[lang] === 'string' ? refused.text[lang]! : refused?.message ?? String(thrown);
  return webText(lang, 'cannotRead', { name, why });
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Reads a workbook's bytes in the worker (refusing what is too large). */
function readInWorker(name: string, bytes: Promise<Uint8Array>): Promise<OpenedBook> {
  return bytes.then((fileBytes) => {
    performance.mark('unelgee:bytes');
    if (fileBytes.byteLength > MAX_BYTES) throw { text: { mn: webText('mn', 'tooLarge', { limit: 100 }), en: webText('en', 'tooLarge', { limit: 100 }) } };
    return book.open(fileBytes, (progress) => {
      if (reading) reading = { name, stage: stageWords(progress) };
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
  } catch (problem) {
    if (waiting) {
      paneRoot?.unmount();
      paneRoot = null;
    }
    reading = null;
    error = refusal(name, problem);
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
  settings: { [SETTINGS_KEY]: JSON.stringify({ ...defaultSettings(displayLanguage), scope: 'workbook', lang }) },
  // Not Excel on the web: no 5 MB limit per request (a large sheet is read in one go, not twice).
  payloadLimit: 256 * 1024 * 1024,
  // Large reads and writes let the page answer clicks and scrolling meanwhile.
  sliceMs: 30,
});

/** What Download saves: the name, and whether it is macro-enabled. */
let download = { fileName: '', macro: false };

/** The pane for a workbook (a new pane: its state belongs to the workbook); a roll-up's pane saves the roll-up. */
function mountFor(name: string, macro: boolean, host: HostActions, shown: { download: NonNullable<PaneOptions['download']>; notice: PaneOptions['notice'] } | null = null): void {
  paneRoot?.unmount();
  download = { fileName: computedName(name, macro), macro };
  paneRoot = mountPane(paneContainer, {
    host,
    lang,
    outcomes: null,
    download: shown?.download ?? {
      name: download.fileName,
      save: async (settings) => saveToDisk(await book.download(settings, steps.steps), download.fileName, download.macro),
      checked: {
        name: checkedName(name, macro),
        save: async (settings) => saveToDisk(await book.downloadChecked(settings, steps.steps, name), checkedName(name, macro), macro),
      },
    },
    notice: shown?.notice,
    // The pane's own "Нэгтгэх…": the roll-up opens in the sheet view, as from the page's button.
    rollup: (picked, settings, onProgress) => rollUp(picked, settings, onProgress),
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
  // A workbook opened after a roll-up: the roll-up is no longer what is shown (install of the roll-up sets it again).
  showingRollup = false;
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
  const hasFiles = (event: DragEvent) => !!event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    if (!dragging) {
      dragging = true;
      draw();
    }
  });
  window.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null && dragging) {
      dragging = false;
      draw();
    }
  });
  window.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(files);
    else draw();
  });
}

// ---- several files: the roll-up ---------------------------------------------

const fileNames = (files: readonly File[]) => files.map((file) => file.name).slice(0, 4).join(', ') + (files.length > 4 ? ', …' : '');

/** Files picked with "Файл нээх" or dropped: one opens as ever; several are offered a roll-up (never silently the first). */
function onFiles(files: File[]): void {
  error = null;
  if (files.length === 1) {
    offered = null;
    void openFile(files[0]);
    return;
  }
  offered = files;
  draw();
}

function onOffer(choice: 'rollup' | 'first' | 'cancel'): void {
  const files = offered;
  offered = null;
  if (!files || choice === 'cancel') draw();
  else if (choice === 'first') void openFile(files[0]);
  else void rollUpFromPage(files);
}

/** The settings a roll-up runs with: the open workbook's (its profile, its language), else the page's. */
function currentSettings(): AddinSettings {
  const saved = fake?.office.settings.get(SETTINGS_KEY);
  return saved ? parseSettings(saved, displayLanguage) : { ...defaultSettings(displayLanguage), scope: 'workbook', lang };
}

/** The roll-up asked for on the page (its button, the offer): what went wrong is the page's error line. */
async function rollUpFromPage(files: File[]): Promise<void> {
  offered = null;
  try {
    const done = await rollUp(files, currentSettings());
    if (done.read === 0) error = rolledUpMessage(done).text[lang];
  } catch (problem) {
    error = refusal(webText(lang, 'rollup'), problem);
  }
  draw();
}

/** "«Тайлан.xlsx» файлыг уншиж байна (2/3)…" while the worker reads the files. */
function rollupStage(progress: Progress): string {
  if (progress.stage !== 'open' || progress.sheet === undefined || !progress.total) return '';
  return `${uiText(lang, 'stageFile', { sheet: progress.sheet, n: Math.min(progress.total, (progress.done ?? 0) + 1), total: progress.total })}…`;
}

/**
 * Reads and rolls up the files in the worker (as `unelgee rollup` does),
 * then opens the roll-up in the sheet view with a pane whose Download saves
 * it. From the page's button and offer, and from the pane's "Нэгтгэх…".
 */
async function rollUp(files: File[], settings: AddinSettings, onProgress?: ProgressListener): Promise<RollupDone> {
  error = null;
  reading = { name: '', stage: '', title: webText(lang, 'rollingUp', { count: files.length }) };
  draw();
  try {
    const { files: readable, refused } = await rollupFiles(files);
    const answer = await book.rollup(readable, { ...rollupOptions(settings), refused }, (progress) => {
      onProgress?.(progress);
      if (reading) reading = { ...reading, stage: rollupStage(progress) };
      redraw();
    });
    const name = rollupName();
    const done: RollupDone = { read: answer.read, notRead: answer.notRead, rows: answer.rows, sheets: null, savedAs: null, shownAs: answer.bytes ? name : null };
    if (answer.bytes && answer.look) {
      rolledUp = { files, bytes: answer.bytes, look: answer.look, done, name };
      await showRollup(rolledUp);
    }
    return done;
  } finally {
    reading = null;
    draw();
  }
}

/**
 * The roll-up as the workbook shown: read by the worker as any file is (so
 * Download replays on it whatever the pane did), dressed as it looks in
 * Excel, its links opening the files it rolled up; the pane's Download
 * (primary at once) saves the roll-up as made.
 */
async function showRollup(shown: NonNullable<typeof rolledUp>): Promise<void> {
  // A copy goes to the worker (it moves there); the page keeps the bytes Download saves.
  const opened = await readInWorker(shown.name, Promise.resolve(shown.bytes.slice()));
  const next = await buildFake(opened, fakeOptions());
  dressRollup(next, shown.look);
  keepFileResults(next, opened);
  install(shown.name, next);
  showingRollup = true;
  steps = new StepLog();
  const host = recordingHost(createExcelHost({ ...envFrom(next.Excel as unknown as ExcelLike, next.office as unknown as OfficeLike), engine: book.engine }), steps);
  mountFor(shown.name, false, host, {
    download: {
      name: shown.name,
      label: both('downloadRollup'),
      hint: both('downloadRollupHint', { name: shown.name }),
      offered: true,
      save: async (settings) => saveToDisk(steps.steps.length === 0 ? shown.bytes : await book.download(settings, steps.steps), shown.name, false),
    },
    notice: rolledUpMessage(shown.done),
  });
  draw();
}

/** A link of the roll-up shown: a file of this roll-up (by the name the worker wrote, or its escaped form). */
function linkedFile(target: string): File | null {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not escaped: the name itself.
  }
  return rolledUp?.files.find((f) => f.name === target || f.name === decoded) ?? null;
}

const rollupLinks: SheetLinks = {
  describe: (target) => {
    const file = linkedFile(target);
    return file ? { title: webText(lang, 'linkOpens', { name: file.name }), opens: true } : { title: webText(lang, 'linkElsewhere', { name: target }), opens: false };
  },
  open: (target) => {
    const file = linkedFile(target);
    if (file) void openFile(file);
  },
};
