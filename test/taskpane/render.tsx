// Renders pane components for jsdom tests with only the CSS rules that hide
// things: jsdom's getComputedStyle (which Testing Library's role queries call
// for every element) walks every rule in the document, and Fluent inserts
// thousands, which made each query take seconds. The rules that decide what
// is hidden from assistive technology (display: none, visibility: hidden,
// e.g. the reserved-width copy of a tab's label) are kept.

import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

const HIDING = /display:\s*none|visibility:\s*hidden/;

// Drawing the pane (a long findings list, Fluent's styles) takes a second or more in jsdom on a busy
// machine: findBy… and waitFor wait up to 5 s instead of 1 (a real hang still fails).
configure({ asyncUtilTimeout: 5000 });

export function renderPane(ui: ReactElement): RenderResult {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => HIDING.test(rule) });
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      {ui}
    </RendererProvider>,
  );
}
