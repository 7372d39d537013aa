// A report held against its plan in Excel (the pane's "Төлөвлөгөөтэй
// тулгах", as `unelgee validate REPORT --plan PLAN`): the scope read as
// Validate reads it, the plan file's bytes read and matched in the engine's
// worker (analyzeAgainstPlan), and the findings — the report's own and what
// the copying lost or changed — marked on the report's cells as Validate
// marks them (one Revert step). A plan file with no table changes nothing.

import { engineOf, type HostEnv } from './env';
import { noPlanInFile } from './cycle';
import type { PlanCheckResult } from './cycle-types';
import { analyzeOptions, ensureScope, ensureTables, readScopeReporting } from './scope';
import type { AddinSettings } from './types';
import { markAnalysis } from './validate';

export async function checkAgainstPlan(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, plan: { name: string; bytes: Uint8Array }): Promise<PlanCheckResult> {
  const read = await readScopeReporting(context, env, settings);
  await ensureScope(context, env, settings, read);
  const check = await engineOf(env).cycle({ kind: 'plan-check', sheets: read.sheets.map((s) => s.sheet), plan, options: analyzeOptions(settings) }, env.progress);
  await ensureTables(context, env, settings, read, check.analysis);
  if (check.planTables.length === 0) throw noPlanInFile(plan.name);
  const { analysis, marked } = await markAnalysis(context, env, settings, read, check.analysis);
  return { analysis, marked, planFile: plan.name, planTables: check.planTables, matched: check.matched, missing: check.missing, extra: check.extra };
}
