// Settings remembered with the workbook: the scoring profile (pick one,
// edit it), the scope (this sheet or every sheet) and the language.

import { Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { PROFILES, getProfile, type Profile } from '../../core';
import type { AddinSettings, Scope } from '../../excel/types';
import type { Lang } from '../../i18n/ui';
import { useUiText } from '../lang';
import { sameScoring } from '../profileForm';
import { ProfileEditor } from './ProfileEditor';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // A native <select> is as wide as its longest option unless told otherwise.
  select: { width: '100%', minWidth: 0 },
  selectElement: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

export interface SettingsPanelProps {
  settings: AddinSettings;
  disabled: boolean;
  /** Saves the settings; `reanalyze` when they change what the analysis finds. */
  onChange: (settings: AddinSettings, reanalyze: boolean) => void;
}

export function SettingsPanel({ settings, disabled, onChange }: SettingsPanelProps) {
  const styles = useStyles();
  const { t, pick } = useUiText();
  const base = getProfile(settings.profileId);
  const current = settings.profile ?? base;
  const saveProfile = (p: Profile) => {
    const edited = !sameScoring(p, base);
    const next: AddinSettings = { ...settings };
    if (edited) next.profile = { ...p, id: base.id };
    else delete next.profile;
    onChange(next, true);
  };
  return (
    <div className={styles.root}>
      <section className={styles.section}>
        <Field label={t('profile')} hint={t('profileHint')}>
          <Select
            className={styles.select}
            select={{ className: styles.selectElement }}
            value={settings.profileId}
            disabled={disabled}
            onChange={(_, d) => {
              const next: AddinSettings = { ...settings, profileId: d.value };
              delete next.profile;
              onChange(next, true);
            }}
          >
            {PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {pick(p.name)}
                {p.id === settings.profileId && settings.profile ? ` ${t('profileEdited')}` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <h4 className={styles.heading}>{t('profileEditor')}</h4>
        <ProfileEditor
          key={`${settings.profileId}:${JSON.stringify(settings.profile ?? null)}`}
          profile={current}
          base={base}
          disabled={disabled}
          onSave={saveProfile}
        />
      </section>
      <section className={styles.section}>
        <Field label={t('scope')}>
          <RadioGroup
            value={settings.scope}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...settings, scope: d.value as Scope }, true)}
          >
            <Radio value="sheet" label={t('scopeSheet')} />
            <Radio value="workbook" label={t('scopeWorkbook')} />
          </RadioGroup>
        </Field>
        <Field label={t('language')}>
          <RadioGroup
            value={settings.lang}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...settings, lang: d.value as Lang }, false)}
          >
            <Radio value="mn" label={t('langMn')} lang="mn" />
            <Radio value="en" label={t('langEn')} lang="en" />
          </RadioGroup>
        </Field>
      </section>
    </div>
  );
}
