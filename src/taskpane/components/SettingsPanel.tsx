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
  const { t: say, pick } = useUiText();
  const base = getProfile(settings.profileId);
  const current = settings.profile ?? base;
  const saveProfile = (profile: Profile) => {
    const edited = !sameScoring(profile, base);
    const next: AddinSettings = { ...settings };
    if (edited) next.profile = { ...profile, id: base.id };
    else delete next.profile;
    onChange(next, true);
  };
  return (
    <div className={styles.root}>
      <section className={styles.section}>
        <Field label={say('profile')} hint={say('profileHint')}>
          <Select
            className={styles.select}
            select={{ className: styles.selectElement }}
            value={settings.profileId}
            disabled={disabled}
            onChange={(_, data) => {
              const next: AddinSettings = { ...settings, profileId: data.value };
              delete next.profile;
              onChange(next, true);
            }}
          >
            {PROFILES.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {pick(profile.name)}
                {profile.id === settings.profileId && settings.profile ? ` ${say('profileEdited')}` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <h4 className={styles.heading}>{say('profileEditor')}</h4>
        <ProfileEditor
          key={`${settings.profileId}:${JSON.stringify(settings.profile ?? null)}`}
          profile={current}
          base={base}
          disabled={disabled}
          onSave={saveProfile}
        />
      </section>
      <section className={styles.section}>
        <Field label={say('scope')}>
          <RadioGroup
            value={settings.scope}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...settings, scope: d.value as Scope }, true)}
          >
            <Radio value="sheet" label={say('scopeSheet')} />
            <Radio value="workbook" label={say('scopeWorkbook')} />
          </RadioGroup>
        </Field>
        <Field label={say('language')}>
          <RadioGroup
            value={settings.lang}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...settings, lang: d.value as Lang }, false)}
          >
            <Radio value="mn" label={say('langMn')} lang="mn" />
            <Radio value="en" label={say('langEn')} lang="en" />
          </RadioGroup>
        </Field>
      </section>
    </div>
  );
}
