// A range's data validation (Excel.DataValidation, ExcelApi 1.8): its rule,
// input prompt, error alert and blanks setting, written and read back. What
// Excel accepts (the texts' lengths from [MS-XLSB] DValStrings among them) is
// checked by format.ts (setValidation), each rule with its source.

import { intersect } from './addresses';
import { notLoaded } from './errors';
import { clearValidation, setValidation, type ValidationPart } from './format';
import type { ValidationModel } from './model';
import type { RangeProxy } from './proxies';
import { pascal, type WirePath } from './wire';

/** Range.dataValidation: set part by part, loaded as one (format.ts holds the rules). */
export class FakeDataValidation {
  private readonly loadedValues = new Map<string, unknown>();
  constructor(
    private readonly range: RangeProxy,
    private readonly path: WirePath,
  ) {}
  /**
   * type, rule, prompt, errorAlert, ignoreBlanks of the range's validation:
   * type None where it has none, Inconsistent where its cells carry
   * different ones (or only some carry one); the others then read as empty.
   */
  load(spec: string): this {
    const names = spec.split(',').map((name) => name.trim());
    const range = this.range;
    range.context.act(this.path, 2, '', { select: names }, () => {
      range.context.fake.requireApi('Range.dataValidation');
      const { sheet, area } = range.rangeTarget();
      const here = sheet.validations.filter((validation) => intersect(validation.area, area) !== null);
      const one = here.length === 1 && here[0].area.top <= area.top && here[0].area.left <= area.left && here[0].area.bottom >= area.bottom && here[0].area.right >= area.right ? here[0] : null;
      const ruleType = (validation: ValidationModel) => Object.keys(validation.rule ?? {})[0] ?? '';
      const type = here.length === 0 ? 'None' : one ? pascal(ruleType(one)) : 'Inconsistent';
      const all: Record<string, unknown> = {
        type,
        rule: one?.rule ?? {},
        prompt: one?.prompt ?? { showPrompt: false, title: '', message: '' },
        errorAlert: one?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
        ignoreBlanks: one?.ignoreBlanks ?? true,
      };
      const values = names.map((name) => JSON.parse(JSON.stringify(all[name] ?? null)) as unknown);
      return { data: Object.fromEntries(names.map((name, i) => [pascal(name), values[i]])), commit: () => names.forEach((name, i) => this.loadedValues.set(name, values[i])) };
    });
    return this;
  }
  get type(): string {
    if (!this.loadedValues.has('type')) throw notLoaded('type');
    return this.loadedValues.get('type') as string;
  }
  private part(name: ValidationPart, value: unknown): void {
    const range = this.range;
    range.context.act(this.path, 4, name, { args: [value] }, () => {
      range.context.fake.requireApi('Range.dataValidation');
      const { sheet, area } = range.rangeTarget();
      range.worksheet.writable(true);
      setValidation(sheet, area, name, value);
    });
  }
  set rule(value: unknown) {
    this.part('rule', value);
  }
  get rule(): unknown {
    if (!this.loadedValues.has('rule')) throw notLoaded('rule');
    return this.loadedValues.get('rule');
  }
  set prompt(value: unknown) {
    this.part('prompt', value);
  }
  get prompt(): unknown {
    if (!this.loadedValues.has('prompt')) throw notLoaded('prompt');
    return this.loadedValues.get('prompt');
  }
  set errorAlert(value: unknown) {
    this.part('errorAlert', value);
  }
  get errorAlert(): unknown {
    if (!this.loadedValues.has('errorAlert')) throw notLoaded('errorAlert');
    return this.loadedValues.get('errorAlert');
  }
  set ignoreBlanks(value: boolean) {
    this.part('ignoreBlanks', value);
  }
  get ignoreBlanks(): boolean {
    if (!this.loadedValues.has('ignoreBlanks')) throw notLoaded('ignoreBlanks');
    return this.loadedValues.get('ignoreBlanks') as boolean;
  }
  clear(): void {
    const range = this.range;
    range.context.act(this.path, 3, 'clear', { args: [] }, () => {
      range.context.fake.requireApi('Range.dataValidation');
      const { sheet, area } = range.rangeTarget();
      range.worksheet.writable(true);
      clearValidation(sheet, area);
    });
  }
}
