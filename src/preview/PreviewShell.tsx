// The preview page around the pane: which sample is open (a picker), Excel's
// "name box" (the selection) and the sheet as a grid. The pane itself is not
// rendered here: it is mounted on its own by mountPane, as in Excel.

import { Field, FluentProvider, Select, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { FakeExcel } from '../fake/excel';
import { SAMPLES, type SampleName } from './sample';
import { SheetGrid, selectionText } from './SheetGrid';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    height: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nameBox: {
    display: 'inline-block',
    minWidth: '160px',
    padding: '4px 8px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
  },
});

export interface PreviewShellProps {
  fake: FakeExcel | null;
  sample: SampleName;
  version: number;
  error: string | null;
  onSample: (name: SampleName) => void;
  onActivate: (sheet: string) => void;
}

export function PreviewShell({ fake, sample, version, error, onSample, onActivate }: PreviewShellProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <div className={styles.root}>
        <div className={styles.bar}>
          <Text className={styles.title}>Үнэлгээ · preview without Excel</Text>
          <Field label="Sample workbook / Жишээ файл" orientation="horizontal">
            <Select value={sample} onChange={(_, d) => onSample(d.value as SampleName)}>
              {SAMPLES.map((s) => (
                <option key={s} value={s}>
                  {s}.xlsx
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Selection / Сонгосон нүд" orientation="horizontal">
            <output className={styles.nameBox} data-testid="name-box" aria-live="polite">
              {fake ? selectionText(fake) || '—' : '—'}
            </output>
          </Field>
        </div>
        {error && <Text role="alert">{error}</Text>}
        {!fake && !error && <Text>Loading {sample}.xlsx…</Text>}
        {fake && <SheetGrid fake={fake} version={version} onActivate={onActivate} />}
      </div>
    </FluentProvider>
  );
}
