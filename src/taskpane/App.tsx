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
import { useMemo } from 'react';
import type { HostActions } from '../excel/types';
import { uiText, type Lang, type UiKey } from '../i18n/ui';
import { ActionBar } from './components/ActionBar';
import { FindingsPanel } from './components/FindingsPanel';
import { ScoresPanel } from './components/ScoresPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { StatusMessage } from './components/StatusMessage';
import { TablesPanel } from './components/TablesPanel';
import { LangProvider } from './lang';
import { visuallyHidden } from './styles';
import { usePaneActions, type PaneTab } from './usePaneActions';

export { errorMessage, type PaneTab } from './usePaneActions';

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

export interface AppProps {
  host: HostActions;
  /** The language until the workbook's settings say otherwise (Office's display language). */
  lang: Lang;
  theme?: Theme;
}

/** The task pane's layout: the action bar, the message, four tabs. State and actions come from usePaneActions. */
export function App({ host, lang: initialLang, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const pane = usePaneActions(host, initialLang);
  const { settings, analysis, busy, tab, lang } = pane;
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
            <ActionBar busy={busy} canRevert={pane.canRevert} onAction={pane.onAction} />
            <StatusMessage message={pane.message} onDismiss={pane.dismissMessage} />
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d: SelectTabData) => pane.setTab(d.value as PaneTab)}
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
                currentKey={pane.currentKey}
                onSelect={pane.onSelectFinding}
              />,
            )}
            {panel(
              'tables',
              'tablesHeading',
              <TablesPanel analysis={analysis} overrides={settings?.overrides ?? []} disabled={isBusy} onChooseRole={pane.onChooseRole} />,
            )}
            {panel('scores', 'scoresHeading', <ScoresPanel analysis={analysis} />)}
            {panel(
              'settings',
              'settingsHeading',
              settings ? <SettingsPanel settings={settings} disabled={isBusy} onChange={pane.onSettings} /> : <></>,
            )}
          </main>
        </LangProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
