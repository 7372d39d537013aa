// The task pane. It holds the state (settings, the last analysis, what is
// running, the last message) and passes the host's actions down; it never
// talks to Office itself: everything goes through `host` (src/excel in Excel,
// a stub in tests, the real adapter over a fake workbook in the preview).

import {
  AriaLiveAnnouncer,
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
  type Theme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { columnLetter, type Finding, type Localized, type RoleChoice, type TableInfo, type WorkbookAnalysis } from '../core';
import { AddinError, type AddinSettings, type HostActions } from '../excel/types';
import { roleLabel, uiText, type Lang, type UiKey, type UiParams } from '../i18n/ui';
import { ActionBar, type ActionKind, type BusyKind } from './components/ActionBar';
import { FindingsPanel } from './components/FindingsPanel';
import { ScoresPanel } from './components/ScoresPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { StatusMessage, type PaneMessage } from './components/StatusMessage';
import { TablesPanel } from './components/TablesPanel';
import { findingKey } from './findings';
import { LangProvider } from './lang';
import { withRoleChoice } from './overrides';
import { visuallyHidden } from './styles';

export type PaneTab = 'findings' | 'tables' | 'scores' | 'settings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
  },
  // Four tabs in one row at 320 px: less padding than Fluent's small tabs.
  tabs: { flexWrap: 'wrap', marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tab: { paddingInline: tokens.spacingHorizontalXS },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
  hidden: visuallyHidden,
});

/** Both languages of a pane string, so a message follows a language switch. */
function both(key: UiKey, params: UiParams = {}): Localized {
  return { mn: uiText('mn', key, params), en: uiText('en', key, params) };
}

function isAddinError(e: unknown): e is AddinError {
  if (e instanceof AddinError) return true;
  const x = e as { code?: unknown; text?: { mn?: unknown; en?: unknown } } | null;
  return !!x && typeof x === 'object' && typeof x.code === 'string' && typeof x.text?.mn === 'string' && typeof x.text?.en === 'string';
}

/** A known problem in the user's words; anything else as a generic message with its detail. */
export function errorMessage(e: unknown): PaneMessage {
  if (isAddinError(e)) return { intent: 'error', text: e.text };
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: 'error', text: both('unexpectedError', { detail }) };
}

export function defaultSettings(lang: Lang): AddinSettings {
  return { profileId: 'practice', scope: 'sheet', lang, overrides: [] };
}

export interface AppProps {
  host: HostActions;
  /** The language until the workbook's settings say otherwise (Office's display language). */
  lang: Lang;
  theme?: Theme;
}

export function App({ host, lang: initialLang, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<AddinSettings | null>(null);
  const [analysis, setAnalysis] = useState<WorkbookAnalysis | null>(null);
  const [busy, setBusy] = useState<BusyKind | null>('load');
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [canRevert, setCanRevert] = useState(false);
  const [tab, setTab] = useState<PaneTab>('findings');
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  // Validate has put marks on the sheet in this session: a role change then
  // validates again, so the marks follow the new findings.
  const marked = useRef(false);
  const running = useRef(false);
  const lang = settings?.lang ?? initialLang;

  /** Runs one piece of work at a time, with progress, then announces its outcome. */
  const run = useCallback(
    async (kind: BusyKind, work: () => Promise<PaneMessage | null>) => {
      if (running.current) return;
      running.current = true;
      setBusy(kind);
      setMessage(null);
      try {
        const outcome = await work();
        if (outcome) setMessage(outcome);
      } catch (e) {
        setMessage(errorMessage(e));
      } finally {
        try {
          setCanRevert(await host.canRevert());
        } catch {
          setCanRevert(false);
        }
        running.current = false;
        setBusy(null);
      }
    },
    [host],
  );

  useEffect(() => {
    void run('load', async () => {
      let loaded: AddinSettings;
      try {
        loaded = await host.loadSettings();
      } catch {
        loaded = defaultSettings(initialLang);
      }
      setSettings(loaded);
      setAnalysis(await host.analyze(loaded));
      return null;
    });
    // Once, when the pane opens.
  }, []);

  const reanalyze = async (s: AddinSettings) =>
    setAnalysis(marked.current ? (await host.validate(s)).analysis : await host.analyze(s));

  const onAction = (action: ActionKind) => {
    const s = settings ?? defaultSettings(lang);
    switch (action) {
      case 'validate':
        return run('validate', async () => {
          const r = await host.validate(s);
          marked.current = true;
          setAnalysis(r.analysis);
          setTab('findings');
          const c = r.analysis.counts;
          if (c.error + c.warning + c.info === 0) return { intent: 'success', text: both('validatedClean') };
          const text = both('validated', { errors: c.error, warnings: c.warning, infos: c.info, marked: r.marked });
          return { intent: c.error > 0 ? 'warning' : 'info', text };
        });
      case 'compute':
        return run('compute', async () => {
          const r = await host.compute(s);
          // Compute may have moved the saved column corrections with rows it inserted.
          setSettings(await host.loadSettings());
          setAnalysis(r.analysis);
          setTab('scores');
          return r.changed > 0
            ? { intent: 'success', text: both('computed', { changed: r.changed }) }
            : { intent: 'info', text: both('computedNothing') };
        });
      case 'clear':
        return run('clear', async () => {
          const n = await host.clearMarks();
          marked.current = false;
          return { intent: 'success', text: both('cleared', { count: n }) };
        });
      case 'revert':
        return run('revert', async () => {
          const r = await host.revert();
          const fresh = await host.loadSettings();
          setSettings(fresh);
          setAnalysis(await host.analyze(fresh));
          const text = both('reverted', { count: r.restored });
          if (r.removedSheets.length > 0) {
            const extra = both('revertedSheets', { sheets: r.removedSheets.join(', ') });
            text.mn += ` ${extra.mn}`;
            text.en += ` ${extra.en}`;
          }
          return { intent: 'success', text };
        });
    }
  };

  const saveSettings = (next: AddinSettings, again: boolean, said?: Localized) =>
    run('save', async () => {
      await host.saveSettings(next);
      setSettings(next);
      if (again) await reanalyze(next);
      return { intent: 'success', text: said ?? both('settingsSaved') };
    });

  const onChooseRole = (table: TableInfo, col: number, choice: RoleChoice | null) => {
    if (!settings) return;
    const overrides = withRoleChoice(settings.overrides, table, col, choice);
    const column = columnLetter(col);
    const said: Localized =
      choice === null
        ? both('mappingReset', { column })
        : {
            mn: uiText('mn', 'mappingSaved', { column, role: roleLabel(choice, 'mn') }),
            en: uiText('en', 'mappingSaved', { column, role: roleLabel(choice, 'en') }),
          };
    void saveSettings({ ...settings, overrides }, true, said);
  };

  const onSelectFinding = (f: Finding) => {
    setCurrentKey(findingKey(f));
    host.selectCell(f.sheet, f.cell).catch((e: unknown) => setMessage(errorMessage(e)));
  };

  const t = (key: UiKey) => uiText(lang, key);
  const sheetOrder = useMemo(() => analysis?.sheets.map((s) => s.sheet) ?? [], [analysis]);
  const isBusy = busy !== null;
  const panel = (value: PaneTab, label: UiKey, content: JSX.Element) => (
    <div
      role="tabpanel"
      id={`panel-${value}`}
      aria-labelledby={`tab-${value}`}
      hidden={tab !== value}
      className={styles.panel}
    >
      <h2 className={styles.hidden}>{t(label)}</h2>
      {content}
    </div>
  );

  return (
    <FluentProvider theme={theme} lang={lang}>
      <AriaLiveAnnouncer>
        <LangProvider lang={lang}>
          <main className={styles.root} lang={lang}>
            <h1 className={styles.hidden}>{t('appTitle')}</h1>
            <ActionBar busy={busy} canRevert={canRevert} onAction={onAction} />
            <StatusMessage message={message} onDismiss={() => setMessage(null)} />
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d: SelectTabData) => setTab(d.value as PaneTab)}
              aria-label={t('sectionsLabel')}
            >
              <Tab className={styles.tab} id="tab-findings" value="findings" aria-controls="panel-findings">
                {t('tabFindings')}
              </Tab>
              <Tab className={styles.tab} id="tab-tables" value="tables" aria-controls="panel-tables">
                {t('tabTables')}
              </Tab>
              <Tab className={styles.tab} id="tab-scores" value="scores" aria-controls="panel-scores">
                {t('tabScores')}
              </Tab>
              <Tab className={styles.tab} id="tab-settings" value="settings" aria-controls="panel-settings">
                {t('tabSettings')}
              </Tab>
            </TabList>
            {panel(
              'findings',
              'findingsHeading',
              <FindingsPanel
                findings={analysis?.findings ?? null}
                sheetOrder={sheetOrder}
                busy={isBusy}
                currentKey={currentKey}
                onSelect={onSelectFinding}
              />,
            )}
            {panel(
              'tables',
              'tablesHeading',
              <TablesPanel analysis={analysis} overrides={settings?.overrides ?? []} disabled={isBusy} onChooseRole={onChooseRole} />,
            )}
            {panel('scores', 'scoresHeading', <ScoresPanel analysis={analysis} />)}
            {panel(
              'settings',
              'settingsHeading',
              settings ? <SettingsPanel settings={settings} disabled={isBusy} onChange={(s, again) => void saveSettings(s, again)} /> : <></>,
            )}
          </main>
        </LangProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
