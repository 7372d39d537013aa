// Edits the scoring profile: scale levels, snapping down, the 5-point factor,
// annex 8 weights and grade bands. Problems (profileProblems plus numbers that
// are not numbers) are shown as the user types, and keep it from being saved.

import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Profile } from '../../core';
import { useUiText } from '../lang';
import { formFromProfile, profileFromForm, type ProfileForm } from '../profileForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  weights: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Inputs shrink with the pane (an <input> is ~20 characters wide by default).
  input: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  field: { minWidth: 0 },
  band: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  rest: { paddingBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface ProfileEditorProps {
  /** The profile in force (the shipped one or the user's edit of it). */
  profile: Profile;
  /** The shipped profile it is based on (Reset goes back to it). */
  base: Profile;
  disabled: boolean;
  onSave: (profile: Profile) => void;
}

export function ProfileEditor({ profile, base, disabled, onSave }: ProfileEditorProps) {
  const styles = useStyles();
  const { t: say, pick, lang } = useUiText();
  const [form, setForm] = useState<ProfileForm>(() => formFromProfile(profile, lang));
  const outcome = useMemo(() => profileFromForm(form, profile, lang), [form, profile, lang]);
  const set = (patch: Partial<ProfileForm>) => setForm({ ...form, ...patch });
  const number = (key: 'fivePointFactor' | 'performance' | 'skills' | 'supervisorMax' | 'colleaguesMax', label: string) => (
    <Field label={label}>
      <Input className={styles.input} inputMode="decimal" value={form[key]} disabled={disabled} onChange={(_, d) => set({ [key]: d.value })} />
    </Field>
  );
  const save = () => {
    if (outcome.problems.length === 0) onSave(outcome.profile);
  };
  const scaleMessage = outcome.scaleProblems.map(pick).join(' ');

  return (
    <div className={styles.root}>
      <Field
        label={say('scale')}
        hint={say('scaleHint')}
        validationState={scaleMessage ? 'error' : 'none'}
        validationMessage={scaleMessage || undefined}
      >
        <Input className={styles.input} value={form.scale} disabled={disabled} onChange={(_, d) => set({ scale: d.value })} />
      </Field>
      <Switch
        label={say('snapDown')}
        checked={form.snapDown}
        disabled={disabled}
        onChange={(_, d) => set({ snapDown: d.checked })}
      />
      {number('fivePointFactor', say('fivePointFactor'))}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{say('annex8Weights')}</legend>
        <div className={styles.weights}>
          {number('performance', say('weightPerformance'))}
          {number('skills', say('weightSkills'))}
          {number('supervisorMax', say('weightSupervisor'))}
          {number('colleaguesMax', say('weightColleagues'))}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{say('gradeBands')}</legend>
        {form.grades.map((band, i) => {
          const last = i === form.grades.length - 1;
          const change = (patch: Partial<typeof band>) => set({ grades: form.grades.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div key={i} className={styles.band}>
              {last ? (
                <Text className={styles.rest}>{say('bandRest', { grade: band.grade })}</Text>
              ) : (
                <Field className={styles.field} label={say('bandAbove', { grade: band.grade })}>
                  <Input className={styles.input} inputMode="decimal" value={band.above} disabled={disabled} onChange={(_, d) => change({ above: d.value })} />
                </Field>
              )}
              <Field className={styles.field} label={say('bandLabel', { grade: band.grade })}>
                <Input className={styles.input} value={band.label} disabled={disabled} onChange={(_, d) => change({ label: d.value })} />
              </Field>
            </div>
          );
        })}
      </fieldset>
      {outcome.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{say('profileProblemsTitle')}</MessageBarTitle>
            <ul className={styles.problems}>
              {outcome.problems.map((p) => (
                <li key={p.en}>{pick(p)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={save}>
          {say('saveProfile')}
        </Button>
        <Button disabled={disabled} onClick={() => setForm(formFromProfile(base, lang))}>
          {say('resetProfile')}
        </Button>
      </div>
    </div>
  );
}
