// The web page around the pane: opening a workbook (a file picker, drag and
// drop anywhere, three samples), rolling up many (Нэгтгэх; several files
// picked or dropped are offered a roll-up), the name box (the selection;
// type a cell to go there), what went wrong with a file, and the sheet view.
// The pane itself is not rendered here: it is mounted on its own by
// mountPane, as in Excel. Landmarks: the bar is the banner, the sheet view
// and the welcome are regions, the privacy line the content info; the pane's
// own <main> is the page's main.

import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Area } from '../core';
import type { FakeExcel } from '../in-memory-excel/excel';
import type { Lang } from '../i18n/ui';
import { webText, type WebKey } from '../i18n/web';
import { SAMPLES, offeredSamples, type SampleName } from './sample';
import { SheetView, selectionText, type SheetLinks } from './SheetView';

const useStyles = makeStyles({
  root: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    height: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: tokens.fontFamilyBase,
    minWidth: 0,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  // "Файл нээх" and "Нэгтгэх" side by side: at 320 px they move to the next line together.
  openGroup: { display: 'flex', flexWrap: 'nowrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // The roll-up's picker: drawn like a secondary button, beside "Файл нээх".
  rollup: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    padding: `4px ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  sheetRegion: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0 },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, color: tokens.colorBrandForeground1 },
  open: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `5px ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  // The real <input type=file>: focusable and announced, drawn by its label.
  fileInput: { position: 'absolute', inset: 0, width: '100%', height: '100%', opacity: 0, cursor: 'pointer', fontSize: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  samples: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, border: 'none', margin: 0, padding: 0 },
  legend: { float: 'left', marginInlineEnd: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  nameBox: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  nameInput: {
    width: '170px',
    maxWidth: '60vw',
    padding: '3px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  welcome: {
    flexGrow: 1,
    overflow: 'auto',
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  welcomeHeading: { marginTop: 0, fontSize: tokens.fontSizeBase500 },
  steps: { paddingInlineStart: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase400, fontSize: tokens.fontSizeBase300 },
  privacy: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 100,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(15, 108, 189, 0.12)',
    border: `4px dashed ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase600,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    pointerEvents: 'none',
  },
});

export interface PageShellProps {
  lang: Lang;
  fake: FakeExcel | null;
  /** Which workbook is open (a new one gets a new sheet view, scrolled to its top-left). */
  bookId: number;
  version: number;
  /** The file being read, with the stage's words, while it is read (`title` for what is not one file: a roll-up). */
  reading: { name: string; stage: string; title?: string } | null;
  error: string | null;
  dragging: boolean;
  /** Files picked with "Файл нээх" (one opens; several are offered a roll-up). */
  onFiles: (files: File[]) => void;
  /** Files picked with "Нэгтгэх". */
  onRollup: (files: File[]) => void;
  /** Several files picked or dropped: roll them up, open the first only, or neither. */
  offer: { count: number; names: string; first: string } | null;
  onOffer: (choice: 'rollup' | 'first' | 'cancel') => void;
  /** A file opened from the roll-up's link: the way back to the roll-up (null when the roll-up is shown, or none was made). */
  onBackToRollup: (() => void) | null;
  /** Links in the sheet shown (a roll-up's files). */
  links?: SheetLinks;
  /** The pane is on the page (it brings the page's <main>); until then the welcome is the main landmark. */
  paneShown: boolean;
  onSample: (name: SampleName) => void;
  onActivate: (sheet: string) => void;
  onSelect: (sheet: string, area: Area) => void;
  onGoTo: (address: string) => boolean;
  onDismissError: () => void;
}

/** The page's words in its language. */
type WebWords = (key: WebKey, params?: Record<string, string | number>) => string;

export function PageShell(props: PageShellProps) {
  const { lang, fake, version, reading, error, dragging } = props;
  const styles = useStyles();
  const say: WebWords = (key, params) => webText(lang, key, params);
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%', backgroundColor: 'transparent' }} lang={lang}>
      <div className={styles.root}>
        <header className={styles.header}>
          <PageBar {...props} say={say} />
          {props.offer && <RollupOffer offer={props.offer} say={say} onOffer={props.onOffer} />}
          {error && (
            <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="file-error">
              <MessageBarBody>{error}</MessageBarBody>
              <Button appearance="transparent" size="small" onClick={props.onDismissError} aria-label="×">
                ×
              </Button>
            </MessageBar>
          )}
          {reading && <ReadingStatus reading={reading} say={say} />}
        </header>
        {fake ? (
          <section className={styles.sheetRegion} aria-label={say('workbookLabel')}>
            <SheetView
              key={props.bookId}
              fake={fake}
              version={version}
              onActivate={props.onActivate}
              onSelect={props.onSelect}
              sheetsLabel={say('sheetsLabel')}
              links={props.links}
            />
          </section>
        ) : (
          <Welcome say={say} isMain={!props.paneShown} />
        )}
        <footer>
          <Text className={styles.privacy}>{say('privacy')}</Text>
        </footer>
        {dragging && (
          <div className={styles.overlay} aria-hidden>
            {say('dropHere')}
          </div>
        )}
      </div>
    </FluentProvider>
  );
}

/** The bar: the title, "Файл нээх" and "Нэгтгэх", the samples, the way back to the roll-up, the name box. */
function PageBar(props: PageShellProps & { say: WebWords }) {
  const { fake, version, say } = props;
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <h1 className={styles.title}>{say('title')}</h1>
      <div className={styles.openGroup}>
        <FileButton
          className={styles.open}
          label={say('open')}
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          describedBy="open-hint"
          testId="file-input"
          onFiles={props.onFiles}
        />
        <FileButton className={styles.rollup} label={say('rollup')} accept=".xlsx,.xlsm" describedBy="rollup-hint" testId="rollup-input" onFiles={props.onRollup} />
      </div>
      <span id="open-hint" className={styles.hint}>
        {say('openHint')}
      </span>
      <span id="rollup-hint" hidden>
        {say('rollupHint')}
      </span>
      <SampleButtons say={say} onSample={props.onSample} />
      {props.onBackToRollup && (
        <Button size="small" appearance="secondary" onClick={props.onBackToRollup} data-testid="back-to-rollup">
          {say('backToRollup')}
        </Button>
      )}
      {fake && <NameBox fake={fake} version={version} label={say('selection')} hint={say('goToHint')} onGoTo={props.onGoTo} />}
    </div>
  );
}

interface FileButtonProps {
  className: string;
  label: string;
  accept: string;
  /** The id of the hint that describes it. */
  describedBy: string;
  testId: string;
  onFiles: (files: File[]) => void;
}

/** A file picker drawn as a button: the real <input type=file> over its label, focusable and announced; several files at once. */
function FileButton({ className, label, accept, describedBy, testId, onFiles }: FileButtonProps) {
  const styles = useStyles();
  return (
    <label className={className}>
      {label}
      <input
        className={styles.fileInput}
        type="file"
        multiple
        accept={accept}
        aria-describedby={describedBy}
        data-testid={testId}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}

/** The samples the page offers, one button each, named in the page's language. */
function SampleButtons({ say, onSample }: { say: WebWords; onSample: (name: SampleName) => void }) {
  const styles = useStyles();
  const samples = offeredSamples();
  if (samples.length === 0) return null;
  const sampleNames = say('sampleNames').split('|');
  return (
    <fieldset className={styles.samples}>
      <legend className={styles.legend}>{say('samples')}:</legend>
      {samples.map((sample) => (
        <Button key={sample} size="small" appearance="outline" title={`${sample}.xlsx`} data-sample={sample} onClick={() => onSample(sample)}>
          {sampleNames[SAMPLES.indexOf(sample)] ?? sample}
        </Button>
      ))}
    </fieldset>
  );
}

/** Several files picked or dropped: roll them up, open the first only, or neither. */
function RollupOffer({ offer, say, onOffer }: { offer: NonNullable<PageShellProps['offer']>; say: WebWords; onOffer: PageShellProps['onOffer'] }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="rollup-offer">
      <MessageBarBody>{say('offerSeveral', { count: offer.count, names: offer.names })}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={() => onOffer('rollup')}>
          {say('offerRollup')}
        </Button>
        <Button size="small" onClick={() => onOffer('first')}>
          {say('offerOpenFirst', { name: offer.first })}
        </Button>
        <Button appearance="transparent" size="small" onClick={() => onOffer('cancel')}>
          {say('offerCancel')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** The file being read, and the stage it is at. */
function ReadingStatus({ reading, say }: { reading: NonNullable<PageShellProps['reading']>; say: WebWords }) {
  const styles = useStyles();
  const title = reading.title ?? say('reading', { name: reading.name });
  return (
    <div className={styles.status} role="status" aria-live="polite" data-testid="reading">
      <Text size={200}>{title}</Text>
      <Text size={200}>{reading.stage}</Text>
      <ProgressBar thickness="large" aria-label={title} />
    </div>
  );
}

/** What the page is for and how to start, until a workbook is open. */
function Welcome({ say, isMain }: { say: WebWords; isMain: boolean }) {
  const styles = useStyles();
  // The page's main content until the pane brings its own <main>; focusable, so a keyboard scrolls it where it is cut (320 px).
  const WelcomeBox = isMain ? 'main' : 'section';
  return (
    <WelcomeBox className={styles.welcome} aria-labelledby="welcome-heading" tabIndex={0}>
      <h2 id="welcome-heading" className={styles.welcomeHeading}>
        {say('welcomeHeading')}
      </h2>
      <Text>{say('tagline')}</Text>
      <ol className={styles.steps}>
        {say('welcomeSteps')
          .split('|')
          .map((step) => (
            <li key={step}>{step}</li>
          ))}
      </ol>
      <Text>{say('welcomeRollup')}</Text>
    </WelcomeBox>
  );
}

/** Excel's name box: shows the selection; a typed cell ("H40", "Тайлан!H40") and Enter go there. */
function NameBox({ fake, version, label, hint, onGoTo }: { fake: FakeExcel; version: number; label: string; hint: string; onGoTo: (address: string) => boolean }) {
  const styles = useStyles();
  const shown = selectionText(fake);
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(shown);
  }, [shown, version, editing]);
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      if (onGoTo(text.trim())) {
        setEditing(false);
        (event.target as HTMLInputElement).blur();
      }
    } else if (event.key === 'Escape') {
      setEditing(false);
      setText(shown);
    }
  };
  return (
    <label className={styles.nameBox}>
      {label}
      <input
        className={styles.nameInput}
        data-testid="name-box"
        value={text}
        placeholder="A1"
        title={hint}
        spellCheck={false}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(false)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKey}
      />
    </label>
  );
}
