// The sheet words tests compute with (Mongolian, as the product defaults to) and the summary's name under them.
import { sheetWords } from '../../src/i18n/sheet-words';

export const MN = sheetWords('mn');
export const SUMMARY_SHEET = MN.summaryTitle;
