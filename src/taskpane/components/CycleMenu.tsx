// The year's cycle in the pane's Бусад menu: make the report form from the
// workbook's plan, make next year's plan from its report, hold the report
// against a plan file (a file picker, kept outside the menu so it outlives
// the menu's popover).

import { MenuItem, Tooltip } from '@fluentui/react-components';
import { forwardRef } from 'react';
import type { WorkbookAnalysis } from '../../core';
import type { CycleAction } from '../actions/types';
import { useUiText } from '../lang';

/** What the cycle offers for the workbook open. */
export interface CycleOffer {
  /** A plan (or a report, taken as a plan) the report form can be made from. */
  reportForm: boolean;
  /** A report: next year's plan can be made from it, and it can be held against a plan file. */
  nextPlan: boolean;
}

/** What the analysed workbook offers: a report gives all three, a plan the report form. */
export function cycleOffer(analysis: WorkbookAnalysis | null): CycleOffer {
  const kinds = new Set(analysis?.sheets.flatMap((s) => s.tables.map((t) => t.kind)) ?? []);
  return { reportForm: kinds.has('report') || kinds.has('plan'), nextPlan: kinds.has('report') };
}

export function CycleMenuItems({ offer, onAction, onPickPlan }: { offer: CycleOffer; onAction: (action: CycleAction) => void; onPickPlan: () => void }) {
  const { t: say } = useUiText();
  return (
    <>
      {offer.reportForm && (
        <Tooltip content={say('reportFormHint')} relationship="description" positioning="before">
          <MenuItem onClick={() => onAction('report-form')} data-action="report-form">
            {say('reportForm')}
          </MenuItem>
        </Tooltip>
      )}
      {offer.nextPlan && (
        <Tooltip content={say('nextPlanHint')} relationship="description" positioning="before">
          <MenuItem onClick={() => onAction('next-plan')} data-action="next-plan">
            {say('nextPlan')}
          </MenuItem>
        </Tooltip>
      )}
      {offer.nextPlan && (
        <Tooltip content={say('planCheckHint')} relationship="description" positioning="before">
          <MenuItem onClick={onPickPlan} data-action="plan-check">
            {say('planCheck')}
          </MenuItem>
        </Tooltip>
      )}
    </>
  );
}

/** The hidden input that picks the plan's file; the menu item clicks it. */
export const PlanFilePicker = forwardRef<HTMLInputElement, { onPlan: (file: File) => void }>(function PlanFilePicker({ onPlan }, ref) {
  const { t: say } = useUiText();
  return (
    <input
      ref={ref}
      type="file"
      accept=".xlsx,.xlsm"
      hidden
      aria-label={say('planCheckPick')}
      data-testid="plan-file"
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = '';
        if (file) onPlan(file);
      }}
    />
  );
});
