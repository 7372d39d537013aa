// Severity names as hosts show them. The finding messages themselves live
// in the engine's registry (src/core/findings/); role names
// are part of those messages, so they come from there too.

import { ROLE_NAMES, type Localized, type Severity } from '../core';

export { ROLE_NAMES };

export const SEVERITY_NAMES: Record<Severity, Localized> = {
  error: { mn: 'Алдаа', en: 'Error' },
  warning: { mn: 'Анхааруулга', en: 'Warning' },
  info: { mn: 'Мэдээлэл', en: 'Info' },
};
