// The browser preview (preview.html): the real pane and the real Excel
// adapter (createExcelHost over the globals), with a fake Excel and Office
// installed in their place, loaded from a sample workbook. The sheet is shown
// beside the pane and drawn again after every Excel.run, so what the add-in
// reads and writes can be watched without Excel.
//
//   preview.html?sample=report-2025-h1-consulting-unit&lang=en
//
// `lang` stands for Office's display language (mn by default).

import { createRoot } from 'react-dom/client';
import { FakeExcel } from '../fake/excel';
import { mountPane } from '../taskpane/mount';
import { PreviewShell } from './PreviewShell';
import { SAMPLES, isSample, loadSample, type SampleName } from './sample';

declare global {
  interface Window {
    /** For people poking around in devtools, and for the end-to-end test. */
    unelgeePreview?: { fake: FakeExcel; sample: SampleName; runs: number };
  }
}

const params = new URLSearchParams(location.search);
const requested = params.get('sample');
const sample: SampleName = isSample(requested) ? requested : SAMPLES[0];
const displayLanguage = params.get('lang') === 'en' ? 'en-US' : 'mn-MN';

const shellRoot = createRoot(document.getElementById('sheet')!);
let fake: FakeExcel | null = null;
let version = 0;
let error: string | null = null;

function chooseSample(name: SampleName) {
  const next = new URLSearchParams(location.search);
  next.set('sample', name);
  location.search = next.toString();
}

function activate(sheetName: string) {
  const s = fake?.model.byName(sheetName);
  if (!fake || !s) return;
  fake.model.activeId = s.id;
  redraw();
}

function redraw() {
  version++;
  shellRoot.render(
    <PreviewShell fake={fake} sample={sample} version={version} error={error} onSample={chooseSample} onActivate={activate} />,
  );
}

async function start() {
  redraw();
  try {
    const data = await loadSample(sample);
    fake = new FakeExcel(data, { displayLanguage });
    fake.install(window as unknown as Record<string, unknown>);
    // Every batch the adapter runs may change the workbook: draw it again after each.
    const run = fake.Excel.run.bind(fake.Excel);
    const state = { fake, sample, runs: 0 };
    fake.Excel.run = async (batch) => {
      try {
        return await run(batch);
      } finally {
        state.runs++;
        redraw();
      }
    };
    window.unelgeePreview = state;
    redraw();
    void Office.onReady(() => mountPane(document.getElementById('container')!));
  } catch (e) {
    error = `Could not open ${sample}.xlsx: ${e instanceof Error ? e.message : String(e)}`;
    redraw();
  }
}

void start();
