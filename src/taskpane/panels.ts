// The tabs a pane does not show when it opens (tables and column roles,
// scores, settings): one chunk of their own, loaded as soon as the pane
// starts, so the first paint carries only the actions and the findings.

export { ScoresPanel } from './components/ScoresPanel';
export { SettingsPanel } from './components/SettingsPanel';
export { TablesPanel } from './components/TablesPanel';
