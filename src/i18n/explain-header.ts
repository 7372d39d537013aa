// Words `unelgee explain-header` prints (what a header is read as, and why),
// in Mongolian (default) and English; the English "how" of each match and
// the letters allowed also fill docs/domain.md §2's table
// (scripts/domain-docs.ts).

import type { Localized, PhraseMatch, PhraseStage } from '../core';

export const EXPLAIN_TEXT = {
  summary: { mn: 'толгойн текстийг ямар багана гэж уншихыг тайлбарлана', en: 'explain what a header is read as' },
  usage: { mn: '"ТОЛГОЙ"… [--json] [--lang mn|en]', en: '"HEADER"… [--json] [--lang mn|en]' },
  description: {
    mn: 'Хүснэгтийн толгой нүдний текст бүрийг ямар багана гэж уншихыг хэвлэнэ: таарсан хэллэг, хэдэн үсгийн зөрүүг зөвшөөрсөн, мөн харьцуулсан бусад хэллэг. Бүх толгойг багана гэж уншвал 0, аль нэгийг нь уншихгүй бол 1 кодоор гарна.',
    en: 'Prints what each header text is read as (the role of its column): the phrase matched, how many letters it let be wrong, and the other phrases considered. Exits 0 when every header is read as a column, 1 when one is not.',
  },
  noHeaders: { mn: 'толгойн текст заагаагүй байна', en: 'no header given' },
  noRole: { mn: 'ямар ч багана гэж уншихгүй', en: 'not read as any column' },
  comparedAs: {
    mn: 'Харьцуулсан хэлбэр (жижиг үсгээр, ү/ө/ё болон латин ижил төстэй үсгийг нэгтгэж, зай, цэг таслалгүй)',
    en: 'Compared as (lower-case, ү/ө/ё and Latin look-alikes folded, no spaces or punctuation)',
  },
  matched: { mn: 'Таарсан хэллэг', en: 'Phrase matched' },
  lettersWrong: { mn: '{errors} үсэг зөрсөн, {tolerance} хүртэл зөвшөөрнө', en: '{errors#letter|letters} wrong, up to {tolerance} allowed' },
  longerAtMost: { mn: 'толгой хэллэгээс {letters} хүртэл үсгээр л урт байж болно', en: 'the header at most {letters#letter|letters} longer than the phrase' },
  alternatives: { mn: 'Мөн харьцуулсан', en: 'Also considered' },
  alsoMatches: { mn: 'мөн таарсан ч давсангүй', en: 'matches too, but lost' },
  tooFar: { mn: 'хэт зөрүүтэй', en: 'too far' },
  tooLong: { mn: 'толгой хэллэгээс {letters} үсгээр урт тул тооцохгүй', en: 'ruled out: the header is {letters#letter|letters} longer than the phrase' },
  performanceLevel: { mn: 'Гүйцэтгэлийн түвшин', en: 'performance level' },
  performanceLevelNote: {
    mn: 'Бүлгийн толгой, хүрсэн түвшин эсвэл хувийн багана байж болно: доорх толгой, баганын агуулгаар шийднэ.',
    en: 'A group header, the achieved or the percent column: the headers below it or the column\'s contents settle which.',
  },
} satisfies Record<string, Localized>;

/** Why a header is read as no column before any phrase is tried. */
export const REFUSED_TEXT: Record<'empty' | 'number' | 'sentence', Localized> = {
  empty: { mn: 'хоосон', en: 'empty' },
  number: { mn: 'тоо (баганын дугаарын мөр)', en: 'a number (the column-number row)' },
  sentence: { mn: 'толгойд хэт урт: өгүүлбэр', en: 'too long for a header: a sentence' },
};

/** How a phrase is looked for in a header. */
export const MATCH_TEXT: Record<PhraseMatch, Localized> = {
  holds: { mn: 'толгойд үсэг үсгээрээ байна', en: 'the header holds it, letter for letter' },
  ends: { mn: 'толгой үүгээр төгсөнө', en: 'the header ends with it' },
  'last-word': { mn: 'толгойн сүүлийн үг', en: "the header's last word" },
  is: { mn: 'толгой бүхэлдээ яг ийм', en: 'the whole header, letter for letter' },
  'holds-about': { mn: 'толгойд байна, хэдэн үсэг зөрж болно', en: 'the header holds it, a few letters may be wrong' },
  'is-about': { mn: 'толгой бүхэлдээ ийм, хэдэн үсэг зөрж болно', en: 'the whole header, a few letters may be wrong' },
};

/** How a phrase decides. */
export const STAGE_TEXT: Record<PhraseStage, Localized> = {
  rule: { mn: 'эхэлж шалгах дүрэм: эхний таарсан нь шийднэ', en: 'a rule checked first: the first that matches decides' },
  weighed: {
    mn: 'бусад таарсан хэллэгтэй жишинэ: хамгийн урт, цөөн зөрүүтэй нь давна',
    en: 'weighed against the other matches: the longest phrase with the fewest wrong letters wins',
  },
};
