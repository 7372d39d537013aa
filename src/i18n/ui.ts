// Words of the task pane, in Mongolian (default) and English. Templates name
// their parameters in braces, like the finding messages (findings.ts); role
// and severity names are not repeated here: the pane uses ROLE_NAMES and
// SEVERITY_NAMES from findings.ts.

import { fillTemplate, type Lang, type Localized, type RoleChoice } from '../core';
import { CYCLE_UI_TEXT } from './cycle-ui';
import { ROLE_NAMES } from './findings';

export type { Lang };

export const UI_TEXT = {
  appTitle: { mn: 'Үнэлгээ', en: 'Unelgee' },
  loading: { mn: 'Ачаалж байна…', en: 'Loading…' },

  // Actions
  actionsLabel: { mn: 'Үйлдлүүд', en: 'Actions' },
  validate: { mn: 'Шалгах', en: 'Validate' },
  validateHint: {
    mn: 'Хүснэгт бүрийг шалгаж, алдаатай, дутуу нүдийг тэмдэглэнэ.',
    en: 'Checks every table and marks the cells that are wrong or missing.',
  },
  compute: { mn: 'Оноо тооцох', en: 'Compute scores' },
  computeHint: {
    mn: 'Дутуу хувийг нөхөж, дунджийг томьёогоор бичээд, хураангуй хуудас нэмнэ.',
    en: 'Fills missing percents, writes averages as formulas and adds a summary sheet.',
  },
  clearMarks: { mn: 'Тэмдэглэгээ арилгах', en: 'Clear marks' },
  clearMarksHint: { mn: 'Шалгахад тавьсан өнгө, тэмдэглэлийг арилгана.', en: 'Removes the fills and notes Validate added.' },
  revert: { mn: 'Буцаах', en: 'Revert' },
  revertHint: { mn: 'Сүүлийн өөрчлөлтийг буцаана.', en: 'Undoes the last change the add-in made.' },
  revertNothing: { mn: 'Буцаах өөрчлөлт алга.', en: 'Nothing to revert.' },
  revertNextValidate: {
    mn: 'Дараагийн «Буцаах»: {time}-д «Шалгах»-ын тавьсан тэмдэглэгээг (өнгө, тэмдэглэл) арилгана.',
    en: 'Revert next removes the marks (fills, notes) Validate put at {time}.',
  },
  revertNextCompute: {
    mn: 'Дараагийн «Буцаах»: {time}-д «Оноо тооцох»-ын бичсэн нүдийг сэргээж, нэмсэн хураангуй хуудсыг авна.',
    en: 'Revert next restores the cells Compute scores wrote at {time} and takes away the summary sheet it added.',
  },
  revertNextFix: {
    mn: 'Дараагийн «Буцаах»: {time}-д «Засах»-ын өөрчилсөн нүдийг сэргээнэ.',
    en: 'Revert next restores the cells the fix of {time} changed.',
  },
  revertNextEvaluation: {
    mn: 'Дараагийн «Буцаах»: {time}-д үүсгэсэн 8-р хавсралтын хуудсыг авч, тайланд бичсэн хувийг сэргээнэ.',
    en: 'Revert next takes away the annex 8 sheet made at {time} and restores the report cells it filled.',
  },
  revertNextRollup: {
    mn: 'Дараагийн «Буцаах»: {time}-д нэмсэн нэгтгэлийн хуудсуудыг авна.',
    en: 'Revert next takes away the roll-up sheets added at {time}.',
  },
  revertNextFindings: {
    mn: 'Дараагийн «Буцаах»: {time}-д үүсгэсэн алдааны жагсаалтын хуудсыг авна.',
    en: 'Revert next takes away the findings sheet made at {time}.',
  },
  revertNextClear: {
    mn: 'Дараагийн «Буцаах»: {time}-д арилгасан тэмдэглэгээг эргүүлж тавина.',
    en: 'Revert next puts back the marks cleared at {time}.',
  },
  moreActions: { mn: 'Бусад', en: 'More' },
  moreActionsLabel: { mn: 'Бусад үйлдэл', en: 'More actions' },
  evaluationSheet: { mn: 'Үнэлгээний хуудас үүсгэх', en: 'Create evaluation sheet' },
  evaluationSheetHint: {
    mn: 'Тайлангийн арга хэмжээ, хувиас 8-р хавсралтын («8-р хавсралт») үнэлгээний хуудсыг томьёотой нь үүсгэнэ. Дарга, хамт олны үнэлгээг та бөглөнө.',
    en: 'Builds the annex 8 evaluation sheet ("8-р хавсралт") from the report\'s actions and percents, with live formulas. You fill in the supervisor\'s and colleagues\' ratings.',
  },
  findingsSheet: { mn: 'Алдааны жагсаалт хуудас', en: 'Findings sheet' },
  findingsSheetHint: {
    mn: 'Алдаа, дутуу бүрийг нүд рүү нь очих холбоостой, түвшин, тайлбар, санал болгох засвар, дүнгийн хамт «Алдаа, дутуу» хуудсанд жагсаана (хэвлэхэд A4 хөндлөн).',
    en: 'Lists every finding on a sheet "Findings" — severity, a link to its cell, message, the quick fix offered, the totals — ready to print on A4 landscape.',
  },
  findingsListed: {
    mn: '«{sheet}» хуудсанд {count} алдаа, дутууг жагсаалаа; нүдний хаяг дээр дарвал тухайн нүд рүү очно.',
    en: 'Listed {count#finding|findings} on the sheet "{sheet}"; click a cell address to go to it.',
  },
  findingsRelisted: {
    mn: '«{sheet}» хуудсыг шинэчиллээ: {count} алдаа, дутуу.',
    en: 'Brought the sheet "{sheet}" up to date: {count#finding|findings}.',
  },
  revertedFindings: { mn: '{time}-д үүсгэсэн алдааны жагсаалтыг буцаалаа.', en: 'Undid the findings sheet of {time}.' },
  busyFindings: { mn: 'Алдааны жагсаалтыг бичиж байна…', en: 'Writing the findings sheet…' },
  downloadChecked: { mn: 'Тэмдэглэсэн хуулбар татах', en: 'Download the checked copy' },
  downloadCheckedHint: {
    mn: 'Алдаа, дутуу бүрийг нүдэн дээр нь өнгө, тайлбараар тэмдэглэж, «Алдаа, дутуу» хуудсанд жагсаасан хуулбарыг «{name}» нэрээр хадгална (тушаалын мөрийн check-ийн бичдэг файлтай адил). Нүдний утга өөрчлөгдөхгүй.',
    en: 'Saves as "{name}" a copy with every finding marked on its cell (a fill and a note) and listed on a "Findings" sheet (the file the command line\'s check writes). No cell\'s value changes.',
  },
  downloadChanged: { mn: 'Өөрчилсөн хуулбар татах', en: 'Download the changed copy' },
  downloadChangedHint: {
    mn: 'Таны хийсэн засвар, үүсгэсэн хуудастай хуулбарыг «{name}» нэрээр хадгална.',
    en: 'Saves as "{name}" a copy with the fixes you applied and the sheets you made.',
  },
  rollup: { mn: 'Нэгтгэх…', en: 'Roll up…' },
  rollupHint: {
    mn: 'Нэгжүүдийн тайлангийн файлыг сонгоно уу: бүгдийг шалгаж, дундаж, зэрэглэл, алдааг нэг нэгтгэлд гаргана.',
    en: 'Pick the units\' report files: each is checked and scored, and one roll-up lists their averages, ranks and findings.',
  },
  rollupPick: { mn: 'Нэгтгэх файлуудыг сонгох', en: 'Choose the files to roll up' },
  download: { mn: 'Тооцоолсон хуулбар татах', en: 'Download the computed copy' },
  downloadHint: {
    mn: 'Тооцоолсон хуулбарыг «{name}» нэрээр хадгална (тушаалын мөрийн compute-ийн бичдэг файлтай яг адил).',
    en: 'Saves the computed copy as "{name}" (the same file the command line\'s compute writes).',
  },
  downloaded: {
    mn: '«{name}» файлыг хадгаллаа. Excel, LibreOffice-оор нээхэд томьёо нь дахин тооцоологдоно.',
    en: 'Saved "{name}". Excel and LibreOffice recalculate its formulas on opening.',
  },

  // The path through the pane, one step at a time
  stepsLabel: { mn: 'Алхам', en: 'Steps' },
  stepValidate: { mn: 'Шалгах', en: 'Validate' },
  stepFix: { mn: 'Засах', en: 'Fix' },
  stepCompute: { mn: 'Оноо тооцох', en: 'Compute scores' },
  stepsErrorsLeft: { mn: '{errors} алдаа засах үлдлээ', en: '{errors#error|errors} left to fix' },

  // Progress
  busyAnalyze: { mn: 'Хүснэгтийг уншиж байна…', en: 'Reading the tables…' },
  busyValidate: { mn: 'Шалгаж байна…', en: 'Validating…' },
  busyCompute: { mn: 'Оноо тооцож байна…', en: 'Computing scores…' },
  busyClear: { mn: 'Тэмдэглэгээ арилгаж байна…', en: 'Clearing marks…' },
  busyRevert: { mn: 'Буцааж байна…', en: 'Reverting…' },
  busySave: { mn: 'Тохиргоог хадгалж байна…', en: 'Saving settings…' },
  busyFix: { mn: 'Засаж байна…', en: 'Fixing…' },
  busyEvaluation: { mn: '8-р хавсралтыг үүсгэж байна…', en: 'Creating the annex 8 sheet…' },
  busyRollup: { mn: 'Файлуудыг нэгтгэж байна…', en: 'Rolling up the files…' },
  stageFile: { mn: '«{sheet}» файлыг уншиж байна ({n}/{total})', en: 'Reading "{sheet}" ({n} of {total})' },
  busyDownload: { mn: 'Файлыг бэлдэж байна…', en: 'Preparing the file…' },
  preparing: { mn: 'Хүснэгтийг урьдчилан уншиж байна…', en: 'Reading the tables ahead…' },
  stageOpen: { mn: 'Файлыг уншиж байна', en: 'Reading the file' },
  stageRead: { mn: 'Хуудсыг уншиж байна', en: 'Reading the sheet' },
  stageAnalyze: { mn: 'Хүснэгтийг таньж, шалгаж байна', en: 'Recognising and checking the tables' },
  stageAnalyzeSheet: { mn: '«{sheet}» хуудсыг шалгаж байна ({n}/{total})', en: 'Checking "{sheet}" ({n} of {total})' },
  stagePlan: { mn: 'Тооцоо, хураангуйг төлөвлөж байна', en: 'Planning the figures and the summary' },
  stageMark: { mn: 'Нүдийг тэмдэглэж байна', en: 'Marking the cells' },
  stageWrite: { mn: 'Ажлын номд бичиж байна', en: 'Writing into the workbook' },
  stageSave: { mn: 'Тооцоолсон хуулбарыг бичиж байна', en: 'Writing the computed copy' },

  // Results
  validated: {
    mn: 'Шалгалаа: {errors} алдаа, {warnings} анхааруулга, {infos} мэдээлэл. {marked} нүдийг тэмдэглэв.',
    en: 'Validated: {errors#error|errors}, {warnings#warning|warnings}, {infos#note|notes}. {marked#cell|cells} marked.',
  },
  validatedClean: { mn: 'Шалгалаа: алдаа, дутуу зүйл олдсонгүй.', en: 'Validated: nothing wrong or missing.' },
  computed: { mn: 'Оноо тооцлоо: {changed} нүдийг бичив.', en: 'Scores computed: {changed#cell|cells} written.' },
  computedWhereNew: {
    mn: 'Үүнээс хүснэгтэд {tables}, шинээр нэмсэн «{summary}» хуудсанд {summaryCells}.',
    en: 'Of these, {tables} in the tables and {summaryCells} on the new sheet "{summary}".',
  },
  computedWhereReplaced: {
    mn: 'Үүнээс хүснэгтэд {tables}, шинэчилсэн «{summary}» хуудсанд {summaryCells}.',
    en: 'Of these, {tables} in the tables and {summaryCells} on the sheet "{summary}", brought up to date.',
  },
  computedTablesOnly: { mn: 'Бүгд хүснэгтэд; хураангуй хуудас өөрчлөгдөөгүй.', en: 'All of them in the tables; the summary sheet needed no change.' },
  computedPlanOnly: {
    mn: 'Төлөвлөгөөнд хүрсэн түвшин, хувь алга тул үнэлэх зүйлгүй: хүснэгтэд юу ч бичсэнгүй. «{summary}» хуудсанд хүснэгт, бүлэг бүрийн арга хэмжээний тоо, үлдсэн алдааг гаргав.',
    en: 'A plan has no achieved levels or percents, so there is nothing to score yet: nothing was written in the tables. The sheet "{summary}" lists each table\'s and group\'s items and the findings left.',
  },
  averageElsewhere: {
    mn: '{table}-ийн доорх мөр чөлөөгүй тул дунджийг нь {cell} нүдэнд бичив.',
    en: '{table} has no free row under it: its average is at {cell}.',
  },
  tableCells: { mn: '{n} нүд', en: '{n#cell|cells}' },
  computedNothing: {
    mn: 'Өөрчлөх зүйл алга: хүснэгт аль хэдийн тооцоологдсон байна.',
    en: 'Nothing to change: the tables are already computed.',
  },
  cleared: { mn: '{count} нүдний тэмдэглэгээг арилгав.', en: 'Marks cleared from {count#cell|cells}.' },
  reverted: { mn: '{count} нүдийг өмнөх байдалд нь буцаав.', en: '{count#cell|cells} restored.' },
  revertedValidate: { mn: '{time}-ийн «Шалгах»-ыг буцаалаа: тэмдэглэгээг арилгав.', en: 'Undid Validate of {time}: its marks are gone.' },
  revertedCompute: { mn: '{time}-ийн «Оноо тооцох»-ыг буцаалаа.', en: 'Undid Compute scores of {time}.' },
  revertedFix: { mn: '{time}-ийн засварыг буцаалаа.', en: 'Undid the fix of {time}.' },
  revertedEvaluation: { mn: '{time}-д үүсгэсэн 8-р хавсралтыг буцаалаа.', en: 'Undid the annex 8 sheet of {time}.' },
  revertedRollup: { mn: '{time}-ийн нэгтгэлийг буцаалаа.', en: 'Undid the roll-up of {time}.' },
  fixed: { mn: '{fixes} засвар хийж, {cells} нүдийг өөрчиллөө.', en: '{fixes#fix|fixes} applied, {cells#cell|cells} changed.' },
  fixedNothing: { mn: 'Засах зүйл үлдсэнгүй.', en: 'Nothing left to fix.' },
  fixedLeftAchieved: { mn: '{count} нүдэнд хүрсэн түвшинг бичнэ үү: {cells}.', en: 'Write the achieved level in {count#cell|cells}: {cells}.' },
  fixedLeftTarget: { mn: '{count} нүдэнд зорилтот түвшинг бичнэ үү: {cells}.', en: 'Write the target level in {count#cell|cells}: {cells}.' },
  fixedLeftPercent: { mn: '{count} нүдэнд хувийг бичнэ үү: {cells}.', en: 'Write the percent in {count#cell|cells}: {cells}.' },
  fixedLeftIndicator: { mn: '{count} мөрөнд шалгуур үзүүлэлтийг бичнэ үү: {cells}.', en: 'Write the indicator in {count#row|rows}: {cells}.' },
  fixedLeftOther: {
    mn: 'Засварын дараа {count} шинэ зүйл илэрлээ ({cells}): жагсаалтын эхэнд байна.',
    en: 'The fix revealed {count#new finding|new findings} ({cells}): listed first.',
  },
  fixedLeftErrors: { mn: '{count} алдаа засах үлдлээ.', en: '{count#error|errors} left to fix.' },
  fixedLeftNone: { mn: 'Алдаа үлдсэнгүй: одоо «Оноо тооцох».', en: 'No errors left: Compute scores next.' },
  revealedHeading: { mn: 'Засварын дараа илэрсэн', en: 'Revealed by the fix' },
  fixedDeferred: {
    mn: '{count} засвар нэг нүдэнд давхцсан тул дараагийн удаад үлдлээ: дахин дарна уу.',
    en: '{count#fix|fixes} wrote the same cell as another and wait for the next press.',
  },
  evaluationMade: {
    mn: '«{sheet}» хуудсыг {table} хүснэгтээс үүсгэлээ. 3, 4-р хэсгийн үнэлгээг бөглөхөд нийт оноо өөрөө бодогдоно.',
    en: 'Created the sheet "{sheet}" from the table {table}. Fill in sections 3 and 4: the total works itself out.',
  },
  evaluationRemade: {
    mn: '«{sheet}» хуудсыг {table} хүснэгтээс шинэчиллээ; таны бөглөсөн үнэлгээг хэвээр үлдээв.',
    en: 'Brought the sheet "{sheet}" up to date from the table {table}; the ratings you filled in are kept.',
  },
  rolledUpSheets: {
    mn: '{read} файлыг нэгтгэлээ ({rows} мөр): {sheets} хуудсыг нэмэв.',
    en: 'Rolled up {read#file|files} ({rows#row|rows}): added the sheets {sheets}.',
  },
  rolledUpSaved: {
    mn: '{read} файлыг нэгтгэлээ ({rows} мөр): «{name}» файлыг хадгаллаа.',
    en: 'Rolled up {read#file|files} ({rows#row|rows}): saved "{name}".',
  },
  rolledUpShown: {
    mn: '{read} файлыг нэгтгэлээ ({rows} мөр). «Нэгтгэлийг татаж авах» нь «{name}» нэрээр хадгална.',
    en: 'Rolled up {read#file|files} ({rows#row|rows}). "Download the roll-up" saves it as "{name}".',
  },
  downloadRollup: { mn: 'Нэгтгэлийг татаж авах', en: 'Download the roll-up' },
  downloadRollupHint: {
    mn: 'Нэгтгэлийг «{name}» нэрээр хадгална: Нэгтгэл, Алдаа, дутуу, Уншигдаагүй хуудастай.',
    en: 'Saves the roll-up as "{name}": its roll-up, findings and not-read sheets.',
  },
  rolledUpNotRead: { mn: 'Уншигдаагүй {count} файл: {files}.', en: '{count#file|files} could not be read: {files}.' },
  rolledUpNothing: { mn: 'Сонгосон файлын аль нь ч уншигдсангүй: {files}.', en: 'None of the files could be read: {files}.' },
  revertedClear: { mn: '{time}-д арилгасан тэмдэглэгээг сэргээлээ.', en: 'Undid Clear marks of {time}: the marks are back.' },
  revertedKept: {
    mn: 'Таны дараа нь өөрчилсөн {count} нүдийг хэвээр үлдээв: {cells}.',
    en: '{count#cell|cells} you changed afterwards kept as you left them: {cells}.',
  },
  revertedSheets: { mn: 'Устгасан хуудас: {sheets}.', en: 'Sheets removed: {sheets}.' },
  settingsSaved: { mn: 'Тохиргоог хадгаллаа.', en: 'Settings saved.' },
  mappingSaved: {
    mn: '{column} баганыг «{role}» гэж тэмдэглэлээ.',
    en: 'Column {column} is now «{role}».',
  },
  mappingReset: { mn: '{column} баганыг автоматаар танина.', en: 'Column {column} is recognised automatically again.' },
  dismiss: { mn: 'Хаах', en: 'Dismiss' },
  moreDetails: { mn: 'Дэлгэрэнгүй', en: 'Details' },
  lessDetails: { mn: 'Хураангуй', en: 'Less' },

  // Tabs
  sectionsLabel: { mn: 'Хэсгүүд', en: 'Sections' },
  tabFindings: { mn: 'Алдаа, дутуу', en: 'Findings' },
  tabTables: { mn: 'Хүснэгт', en: 'Tables' },
  tabScores: { mn: 'Оноо', en: 'Scores' },
  tabSettings: { mn: 'Тохиргоо', en: 'Settings' },

  // Findings
  findingsHeading: { mn: 'Илэрсэн алдаа, дутуу', en: 'Findings' },
  noAnalysis: {
    mn: 'Хүснэгтээ шалгахын тулд «Шалгах» товчийг дарна уу.',
    en: 'Press Validate to check the tables.',
  },
  notValidated: {
    mn: '«Шалгах» товчийг дарахад алдаа, дутууг энд жагсааж, нүдийг нь хуудсанд тэмдэглэнэ.',
    en: 'Press Validate: the findings are listed here and their cells marked on the sheet.',
  },
  notValidatedCounts: {
    mn: 'Урьдчилан уншихад: {errors} алдаа, {warnings} анхааруулга, {infos} мэдээлэл.',
    en: 'Read ahead: {errors#error|errors}, {warnings#warning|warnings}, {infos#note|notes}.',
  },
  noFindings: { mn: 'Алдаа, дутуу зүйл олдсонгүй.', en: 'Nothing wrong or missing.' },
  noMatches: { mn: 'Шүүлтүүрт тохирох зүйл алга.', en: 'No findings match the filter.' },
  severityFilterLabel: { mn: 'Түвшингээр шүүх', en: 'Filter by severity' },
  searchLabel: { mn: 'Текст эсвэл кодоор хайх', en: 'Search text or code' },
  searchPlaceholder: { mn: 'жишээ нь: H40, хувь', en: 'e.g. H40, percent' },
  shownOfTotal: { mn: '{shown} / {total} харуулж байна', en: 'Showing {shown} of {total}' },
  goToCell: { mn: '{cell} нүд рүү очих', en: 'Go to cell {cell}' },
  findingCode: { mn: 'Код', en: 'Code' },
  fix: { mn: 'Засах', en: 'Fix' },
  fixAt: { mn: 'Засах {cell}', en: 'Fix {cell}' },
  fixHint: { mn: 'Засах: {what}', en: 'Fix: {what}' },
  fixReview: { mn: 'нягталж засах', en: 'check, then fix' },
  fixSafe: { mn: 'аюулгүй засвар', en: 'safe fix' },
  fixAll: { mn: 'Бүгдийг засах ({count})', en: 'Fix all safe ({count})' },
  fixAllHint: {
    mn: 'Хүний шийдвэр шаардахгүй {count} засварыг нэг дор хийнэ (нэг «Буцаах»-аар буцна). Нягталж засах засварыг нэг бүрчлэн хийнэ үү.',
    en: 'Applies the {count#fix|fixes} that need no judgement at once (one Revert undoes them). Fixes marked "check, then fix" are applied one by one.',
  },
  showMore: { mn: 'Дахиад {count} харуулах', en: 'Show {count} more' },

  // Tables and the column mapping
  tablesHeading: { mn: 'Олдсон хүснэгтүүд', en: 'Tables found' },
  noTables: { mn: 'Гүйцэтгэлийн хүснэгт олдсонгүй.', en: 'No performance table found.' },
  tableCaption: { mn: 'Хүснэгт {n}', en: 'Table {n}' },
  tableRange: { mn: 'Муж: {range}', en: 'Range: {range}' },
  tableSummary: { mn: '{items} арга хэмжээ, {groups} бүлэг', en: '{items#item|items}, {groups#group|groups}' },
  columnRoles: { mn: 'Баганын үүрэг', en: 'Column roles' },
  columnRolesHint: {
    mn: 'Буруу танигдсан баганын үүргийг засна уу. Засвар энэ файлд хадгалагдана.',
    en: 'Correct a column the engine got wrong. Corrections are saved with this workbook.',
  },
  roleFor: { mn: '{column} баганын үүрэг', en: 'Role of column {column}' },
  roleUnset: { mn: '— танигдаагүй —', en: '— not recognised —' },
  columnNoHeader: { mn: '(гарчиггүй)', en: '(no header)' },
  sourceHeader: { mn: 'гарчгаас', en: 'from header' },
  sourceContent: { mn: 'агуулгаас', en: 'from contents' },
  sourceUser: { mn: 'таны засвар', en: 'your correction' },
  resetRole: { mn: 'Автомат', en: 'Auto' },
  resetRoleFor: { mn: '{column} баганыг автоматаар танюулах', en: 'Recognise column {column} automatically' },

  // Scores
  scoresHeading: { mn: 'Оноо', en: 'Scores' },
  noScores: { mn: 'Оноо тооцох хүснэгт алга.', en: 'No table to score.' },
  average: { mn: 'Дундаж', en: 'Average' },
  fivePoint: { mn: '5 онооны', en: '5-point' },
  grade: { mn: 'Үнэлгээ', en: 'Grade' },
  rated: { mn: 'Үнэлсэн', en: 'Rated' },
  ratedOf: { mn: '{rated} / {items}', en: '{rated} of {items}' },
  willCompute: { mn: 'Тооцоход {count} хувь нөхөгдөнө.', en: 'Compute will fill {count#percent|percents}.' },
  planNothingToScore: {
    mn: 'Төлөвлөгөө: хүрсэн түвшин, хувь багана алга тул одоохондоо үнэлэх зүйлгүй. {items} арга хэмжээ, {groups} бүлэг. «Оноо тооцох» нь хураангуй хуудсанд арга хэмжээний тоо, үлдсэн алдааг гаргана; тайлан болоход үнэлнэ.',
    en: 'A plan: no achieved or percent column, so nothing to score yet. {items#item|items}, {groups#group|groups}. Compute scores lists the items and the findings left on a summary sheet; the scores come with the report.',
  },
  groupsHeading: { mn: 'Бүлгүүд', en: 'Groups' },
  group: { mn: 'Бүлэг', en: 'Group' },
  chartTitle: { mn: 'Бүлгийн дундаж хувь', en: 'Group averages (%)' },
  chartLabel: { mn: 'Бүлгийн дундаж хувийн график: {list}', en: 'Chart of group averages: {list}' },
  evaluationHeading: { mn: 'Хувь хүний үнэлгээ (8-р хавсралт)', en: 'Individual evaluation (annex 8)' },
  evaluationSectionStated: { mn: 'бичсэн {stated}', en: 'stated {stated}' },
  evaluationChanges: { mn: 'Өөрчлөлт (хасалт)', en: 'Changes (deduction)' },
  evaluationTotal: { mn: 'Нийт оноо', en: 'Total points' },
  evaluationNotRated: { mn: 'үнэлээгүй', en: 'not rated' },
  evaluationFromReport: {
    mn: 'Энэ тайлангаас 8-р хавсралтын үнэлгээний хуудсыг үүсгэж болно.',
    en: 'This report can become an annex 8 evaluation sheet.',
  },
  annex8Heading: { mn: 'Хавсралт 8: нийт оноо', en: 'Annex 8: total points' },
  annex8Section: { mn: '{n}-р хэсэг', en: 'Section {n}' },
  annex8Deductions: { mn: 'Хасалт', en: 'Deductions' },
  annex8Total: { mn: 'Нийт', en: 'Total' },

  // Settings
  settingsHeading: { mn: 'Тохиргоо', en: 'Settings' },
  profile: { mn: 'Үнэлгээний профайл', en: 'Scoring profile' },
  profileHint: { mn: 'Шатлал, жин, зэрэглэлийн багц.', en: 'The scale, weights and grade bands to use.' },
  profileEdited: { mn: '(засварласан)', en: '(edited)' },
  profileEditor: { mn: 'Профайлыг засах', en: 'Edit the profile' },
  scale: { mn: 'Үнэлгээний шатлал (%)', en: 'Rating scale (%)' },
  scaleHint: { mn: 'Таслалаар тусгаарлана: 100, 90, 70, 50, 30, 0', en: 'Separated by commas: 100, 90, 70, 50, 30, 0' },
  snapDown: { mn: 'Тооцсон хувийг шатлалын доод түвшинд буулгах', en: 'Snap computed percents down to the scale' },
  fivePointFactor: { mn: '5 онооны коэффициент', en: '5-point factor' },
  annex8Weights: { mn: 'Хавсралт 8-ын жин', en: 'Annex 8 weights' },
  weightPerformance: { mn: '1-р хэсэг: биелэлтийн жин', en: 'Section 1: performance weight' },
  weightSkills: { mn: '2-р хэсэг: ур чадварын жин', en: 'Section 2: skills weight' },
  weightSupervisor: { mn: '3-р хэсэг: удирдлагын дээд оноо', en: 'Section 3: supervisor maximum' },
  weightColleagues: { mn: '4-р хэсэг: хамт олны дээд оноо', en: 'Section 4: colleagues maximum' },
  gradeBands: { mn: 'Зэрэглэл', en: 'Grade bands' },
  bandAbove: { mn: '{grade}: %-иас дээш', en: '{grade}: above %' },
  bandLabel: { mn: '{grade}: нэр', en: '{grade}: name' },
  bandRest: { mn: '{grade}: бусад бүгд', en: '{grade}: all the rest' },
  saveProfile: { mn: 'Профайл хадгалах', en: 'Save profile' },
  resetProfile: { mn: 'Анхны утга', en: 'Reset' },
  profileProblemsTitle: { mn: 'Профайлыг хадгалах боломжгүй', en: 'The profile cannot be saved' },
  notANumber: { mn: '«{text}» тоо биш байна.', en: '"{text}" is not a number.' },
  weightsInvalid: {
    mn: 'Хавсралт 8-ын жин, дээд оноо сөрөг биш тоо байх ёстой.',
    en: 'Annex 8 weights and maxima must be numbers of 0 or more.',
  },
  bandInvalid: { mn: 'Зэрэглэлийн хязгаар тоо байх ёстой.', en: 'Grade band limits must be numbers.' },
  scope: { mn: 'Хамрах хүрээ', en: 'Scope' },
  scopeSheet: { mn: 'Идэвхтэй хуудас', en: 'This sheet' },
  scopeWorkbook: { mn: 'Бүх хуудас', en: 'Every sheet' },
  language: { mn: 'Хэл', en: 'Language' },
  langMn: { mn: 'Монгол', en: 'Монгол (Mongolian)' },
  langEn: { mn: 'English (Англи)', en: 'English' },

  // What this Excel can do (capabilities)
  apiTooOld: {
    mn: 'Энэ Excel-ийн API хувилбар ({have}) хэт хуучин: Үнэлгээ ExcelApi {need} шаарддаг. Microsoft 365 (Windows 2102-оос хойш, Mac 16.50-аас хойш), Office 2021, Office 2024, Excel вэб хувилбар дээр ажиллана. Office 2016, 2019 дээр Үнэлгээний вэб хуудас эсвэл тушаалын мөрийг ашиглана уу.',
    en: 'This Excel\'s API level ({have}) is too old: Unelgee needs ExcelApi {need}. It works in Microsoft 365 (Windows Version 2102 or later, Mac 16.50 or later), Office 2021, Office 2024 and Excel on the web. With Office 2016 or 2019, use Unelgee\'s web page or its command line.',
  },
  apiNone: { mn: 'тодорхойгүй', en: 'unknown' },
  notesMissing: {
    mn: 'Энэ Excel нүдэнд тэмдэглэл (note) бичих боломжгүй (ExcelApi 1.18 хэрэгтэй): «Шалгах» нь нүдийг зөвхөн өнгөөр тэмдэглэнэ, тайлбар нь энэ самбарт байна. Тэмдэглэлтэй ажиллах: Microsoft 365 (Windows 2501, Mac 16.93-аас хойш), Excel вэб хувилбар.',
    en: 'This Excel cannot add notes to cells (ExcelApi 1.18 is needed): Validate marks cells with fills only, and the findings\' text is in this pane. Notes work in Microsoft 365 (Windows Version 2501, Mac 16.93 or later) and Excel on the web.',
  },
  ribbonDone: { mn: 'Туузан цэсний «{command}»: ', en: 'Ribbon "{command}": ' },
  // The year's cycle (cycle-ui.ts).
  ...CYCLE_UI_TEXT,
} satisfies Record<string, Localized>;

export type UiKey = keyof typeof UI_TEXT;
export type UiParams = Record<string, string | number>;

/** The text of `key` in `lang`, with {name} parameters filled (and English counts: {n#cell|cells}). */
export function uiText(lang: Lang, key: UiKey, params: UiParams = {}): string {
  return fillTemplate(UI_TEXT[key][lang], params, lang);
}

/**
 * The pane's language from Office's display language ("mn-MN", "en-US"…):
 * English for English, Mongolian for Mongolian and for everything else (the
 * users are Mongolian civil servants; Mongolian is the product's default).
 */
export function langFromDisplayLanguage(tag: string | null | undefined): Lang {
  const lowered = (tag ?? '').trim().toLowerCase();
  return lowered === 'en' || lowered.startsWith('en-') ? 'en' : 'mn';
}

/** A number as the pane shows it: at most `digits` decimals, no trailing zeros. */
export function formatFigure(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const scale = 10 ** digits;
  return String(Math.round(value * scale) / scale);
}

/** A column role's name as the pane shows it (ROLE_NAMES, capitalised: "Percent", "Хувь"). */
export function roleLabel(role: RoleChoice, lang: Lang): string {
  const name = ROLE_NAMES[role][lang];
  return name.charAt(0).toUpperCase() + name.slice(1);
}
