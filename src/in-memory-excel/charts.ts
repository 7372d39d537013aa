// A sheet's charts (Excel.ChartCollection, Excel.Chart): what the summary
// sheet's chart needs — adding one over a range, its title, legend, the
// series' category labels, its position — and deleting one. A protected
// sheet refuses a new chart. Loading a chart's properties is not modelled.

import { areaAddress } from '../core';
import { formatRange } from './addresses';
import { ClientObject, ClientResult } from './client-object';
import { FakeOfficeError, notLoaded } from './errors';
import type { ChartModel, SheetModel } from './model';
import type { RangeProxy, SheetProxy } from './proxies';
import type { OpResult, RequestContextCore } from './request-context';
import { WirePath } from './wire';

/** Worksheet.charts: adding a chart over a range, counting them, one by position. */
export class FakeChartCollection extends ClientObject {
  constructor(
    context: RequestContextCore,
    private readonly sheet: SheetProxy,
  ) {
    super(context);
  }
  protected read(path: string[]): OpResult {
    throw new FakeOfficeError('NotImplemented', `ChartCollection.load(${path.join('/')})`);
  }
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): FakeChart {
    return this.context.create(new FakeChart(this.context), this.wirePath, { type: 3, name: 'add', args: [type, sourceData, seriesBy] }, () => {
      const sheet = this.sheet.writable(true);
      const source = sourceData.rangeTarget();
      const chart: ChartModel = { type, source: formatRange(source.sheet.name, source.area), seriesBy, title: null, xValues: null, legend: true, position: null };
      sheet.charts.push(chart);
      return chart;
    });
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, this.wirePath, 'getCount', [], () => this.sheet.live<SheetModel>().charts.length);
  }
  /** The chart at a position on the sheet (ExcelApi 1.1). */
  getItemAt(index: number): FakeChart {
    return this.context.create(new FakeChart(this.context), this.wirePath, { type: 3, name: 'getItemAt', args: [index] }, () => {
      const chart = this.sheet.live<SheetModel>().charts[index];
      if (!chart) throw new FakeOfficeError('ItemNotFound', `No chart at ${index}`);
      return chart;
    });
  }
}

/** Excel.Chart: its title, legend, series' category labels, position; deleting it. */
class FakeChart extends ClientObject {
  private chart(): ChartModel {
    return this.live<ChartModel>();
  }

  get title(): { text: string; load(spec: string): unknown } {
    const path = this.context.property(this.wirePath, 'title');
    const context = this.context;
    const chart = () => this.chart();
    let loaded: { text: string } | null = null;
    const title = {
      get text(): string {
        if (!loaded) throw notLoaded('text');
        return loaded.text;
      },
      set text(value: string) {
        context.act(path, 4, 'text', { args: [value] }, () => void (chart().title = value));
      },
      load(spec: string) {
        context.act(path, 2, '', { select: [spec] }, () => {
          const text = chart().title ?? '';
          return { data: { Text: text }, commit: () => void (loaded = { text }) };
        });
        return title;
      },
    };
    return title;
  }

  /** Chart.delete (ExcelApi 1.1). */
  delete(): void {
    this.call('delete', [], () => {
      const chart = this.chart();
      for (const sheet of this.fake.model.sheets) sheet.charts = sheet.charts.filter((other) => other !== chart);
    });
  }

  get legend(): { visible: boolean } {
    const path = this.context.property(this.wirePath, 'legend');
    const context = this.context;
    const chart = () => this.chart();
    return {
      get visible(): boolean {
        throw notLoaded('visible');
      },
      set visible(value: boolean) {
        context.act(path, 4, 'visible', { args: [value] }, () => void (chart().legend = value));
      },
    };
  }

  get series(): { getItemAt(index: number): { setXAxisValues(range: RangeProxy): void; name: string } } {
    const context = this.context;
    const seriesPath = context.property(this.wirePath, 'series');
    const chart = () => this.chart();
    return {
      getItemAt: (index: number) => {
        const path = new WirePath(context.ids, 3, 'GetItemAt', seriesPath, [index]);
        context.wire.ensure(path);
        return {
          setXAxisValues: (range: RangeProxy) =>
            context.act(path, 3, 'setXAxisValues', { args: [range] }, () => {
              context.fake.requireApi('ChartSeries.setXAxisValues');
              const source = range.rangeTarget();
              chart().xValues = formatRange(source.sheet.name, source.area);
            }),
          get name(): string {
            throw notLoaded('name');
          },
          set name(value: string) {
            context.act(path, 4, 'name', { args: [value] }, () => undefined);
          },
        };
      },
    };
  }

  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    this.call('setPosition', [startCell, endCell ?? null], () => {
      chartPosition(this.live<ChartModel>(), startCell);
    });
  }
  protected read(path: string[]): OpResult {
    throw new FakeOfficeError('NotImplemented', `Chart.load(${path.join('/')})`);
  }
}

/** Where a chart's top-left corner goes: a cell's address. */
function chartPosition(chart: ChartModel, start: string | RangeProxy): void {
  chart.position = typeof start === 'string' ? start : areaAddress(start.rangeTarget().area);
}
