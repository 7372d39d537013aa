// The task pane. It holds the state (settings, the last analysis, what is
// running, the last message) and passes the host's actions down; it never
// talks to Office itself: everything goes through `host` (src/excel in Excel,
// a stub in tests, the real adapter over a fake workbook on the web page).
//
// The Tables, Scores and Settings tabs come in a chunk of their own
// (panels.ts), asked for as the pane starts: the first paint needs only the
// actions and the findings.

import {
  AriaLiveAnnouncer,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { HostActions } from '../excel/types';
import { uiText, type Lang, type UiKey } from '../i18n/ui';
import type { PaneOptions, PaneTab } from './actions/types';
import { ActionBar } from './components/ActionBar';
import { cycleOffer } from './components/CycleMenu';
import { CapabilityNotice } from './components/CapabilityNotice';
import { FindingsPanel } from './components/FindingsPanel';
import { StatusMessage } from './components/StatusMessage';
import { LangProvider } from './lang';
import { visuallyHidden } from './styles';
import { usePaneActions } from './usePaneActions';

type Panels = typeof import('./panels');

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
  // Four tabs in one row at 320 px, in Mongolian too: tight padding, no wrapping.
  tabs: { flexWrap: 'nowrap', marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tab: { paddingInline: '4px', minWidth: 0 },
  tabText: { fontSize: tokens.fontSizeBase200, paddingInline: '1px' },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
  hidden: visuallyHidden,
});

export interface AppProps extends PaneOptions {
  host: HostActions;
  /** The language until the workbook's settings say otherwise (Office's display language). */
  lang: Lang;
  theme?: Theme;
}

/** The task pane's layout: notices, the path and the actions, the message, four tabs. State and actions come from usePaneActions. */
/** The web page's Downloads, each named by what it saves: the checked copy once validated; the computed (or, after fixes, the changed) copy once changed. */
function downloadButtons(pane: { computed: boolean; changed: boolean; validated: boolean }, download: PaneOptions['download']) {
  return {
    download: (pane.computed || pane.changed || download?.offered) && download ? download.name : null,
    downloadKind: pane.computed ? ('computed' as const) : ('changed' as const),
    downloadChecked: pane.validated && download?.checked ? download.checked.name : null,
  };
}

export function App({ host, lang: initialLang, theme = webLightTheme, download, outcomes, rollup, notice }: AppProps) {
  const styles = useStyles();
  const pane = usePaneActions(host, initialLang, { download, outcomes, rollup, notice });
  const { settings, analysis, busy, tab, lang } = pane;
  const [panels, setPanels] = useState<Panels | null>(null);
  useEffect(() => {
    let live = true;
    import(/* webpackChunkName: "panels" */ './panels').then((m) => live && setPanels(m)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const say = (key: UiKey) => uiText(lang, key);
  const sheetOrder = useMemo(() => analysis?.sheets.map((s) => s.sheet) ?? [], [analysis]);
  const isBusy = busy !== null;
  // A report: the annex 8 sheet, next year's plan, the plan check; a plan or a report: the report form.
  const cycle = useMemo(() => cycleOffer(analysis), [analysis]);
  const ready = settings !== null && !isBusy && !pane.preparing && !pane.drawing && panels !== null;
  const panel = (value: PaneTab, label: UiKey, content: () => JSX.Element) => (
    <div
      role="tabpanel"
      id={`panel-${value}`}
      aria-labelledby={`tab-${value}`}
      hidden={tab !== value}
      className={styles.panel}
    >
      <h2 className={styles.hidden}>{say(label)}</h2>
      {/* Only the shown tab is drawn: a long list or chart in a hidden tab costs nothing. */}
      {tab === value && content()}
    </div>
  );
  const loading = () => <Spinner size="tiny" label={say('loading')} />;

  return (
    <FluentProvider theme={theme} lang={lang}>
      <AriaLiveAnnouncer>
        <LangProvider lang={lang}>
          <main className={styles.root} lang={lang} data-ready={ready ? 'true' : 'false'}>
            <h1 className={styles.hidden}>{say('appTitle')}</h1>
            <CapabilityNotice capabilities={pane.capabilities} />
            <ActionBar
              busy={busy}
              progress={pane.progress}
              preparing={pane.preparing}
              canRevert={pane.canRevert}
              nextRevert={pane.nextRevert}
              step={download?.offered ? undefined : pane.step}
              stepsDone={pane.stepsDone}
              errorsLeft={pane.errorsLeft}
              primary={pane.primary}
              {...downloadButtons(pane, download)}
              downloadLabel={download?.label?.[lang]}
              downloadHint={download?.hint?.[lang]}
              canListFindings={pane.analysis !== null}
              canEvaluate={cycle.nextPlan}
              canRollup={!!rollup}
              cycle={cycle}
              onAction={pane.onAction}
              onRollup={pane.onRollup}
              onCheckPlan={pane.onCheckPlan}
            />
            <StatusMessage message={pane.message} onDismiss={pane.dismissMessage} />
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d: SelectTabData) => pane.setTab(d.value as PaneTab)}
              aria-label={say('sectionsLabel')}
            >
              <Tab className={styles.tab} content={{ className: styles.tabText }} id="tab-findings" value="findings" aria-controls="panel-findings">
                {say('tabFindings')}
              </Tab>
              <Tab className={styles.tab} content={{ className: styles.tabText }} id="tab-tables" value="tables" aria-controls="panel-tables">
                {say('tabTables')}
              </Tab>
              <Tab className={styles.tab} content={{ className: styles.tabText }} id="tab-scores" value="scores" aria-controls="panel-scores">
                {say('tabScores')}
              </Tab>
              <Tab className={styles.tab} content={{ className: styles.tabText }} id="tab-settings" value="settings" aria-controls="panel-settings">
                {say('tabSettings')}
              </Tab>
            </TabList>
            {panel('findings', 'findingsHeading', () => (
              <FindingsPanel
                findings={pane.validated ? analysis?.findings ?? null : null}
                preview={!pane.validated && analysis ? analysis.counts : null}
                sheetOrder={sheetOrder}
                busy={isBusy}
                currentKey={pane.currentKey}
                revealed={pane.revealed}
                onSelect={pane.onSelectFinding}
                onFix={pane.onFix}
                onFixAll={pane.onFixAll}
              />
            ))}
            {panel('tables', 'tablesHeading', () =>
              panels ? (
                <panels.TablesPanel analysis={analysis} overrides={settings?.overrides ?? []} disabled={isBusy} onChooseRole={pane.onChooseRole} />
              ) : (
                loading()
              ),
            )}
            {panel('scores', 'scoresHeading', () => (panels ? <panels.ScoresPanel analysis={analysis} disabled={isBusy} onEvaluation={() => pane.onAction('evaluation')} /> : loading()))}
            {panel('settings', 'settingsHeading', () =>
              panels ? settings ? <panels.SettingsPanel settings={settings} disabled={isBusy} onChange={pane.onSettings} /> : <></> : loading(),
            )}
          </main>
        </LangProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
