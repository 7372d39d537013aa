// `unelgee explain-header TEXT…` on the command line: listed in --help, its
// help in both languages, what it says a header is read as (the phrase, the
// letters wrong and allowed, the others considered), its exit codes and its
// --json.
import { runCli } from '../support/cli';

describe('unelgee explain-header', () => {
  it('is listed and explained in Mongolian and in English', async () => {
    const list = await runCli('--help');
    expect(list.out).toMatch(/explain-header\s+толгойн текстийг ямар багана гэж уншихыг тайлбарлана/);
    const listEn = await runCli('--help', '--lang', 'en');
    expect(listEn.out).toMatch(/explain-header\s+explain what a header is read as/);
    const mn = await runCli('explain-header', '--help');
    expect(mn.code).toBe(0);
    expect(mn.out).toContain('unelgee explain-header "ТОЛГОЙ"…');
    const en = await runCli('explain-header', '--help', '--lang', 'en');
    expect(en.out).toContain('unelgee explain-header "HEADER"…');
    expect(en.out.replace(/\s+/g, ' ')).toContain('how many letters it let be wrong');
  });

  it('says a misspelt "Хүрсэн төвшин" is the achieved column, by which phrase and how many letters off, in Mongolian', async () => {
    const run = await runCli('explain-header', 'Хүрсэн төвшин');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('«Хүрсэн төвшин» → Хүрсэн түвшин (achieved)');
    expect(run.out).toContain('хурсэнтовшин');
    expect(run.out).toContain('Таарсан хэллэг: «Хүрсэн түвшин» — толгойд байна, хэдэн үсэг зөрж болно; 1 үсэг зөрсөн, 2 хүртэл зөвшөөрнө');
    // "Хүрэх түвшин" is near, but three letters off where two are allowed.
    expect(run.out).toMatch(/Зорилтот түвшин \(target\) «Хүрэх түвшин»: .*3 үсэг зөрсөн, 2 хүртэл зөвшөөрнө — хэт зөрүүтэй/);
  });

  it('--lang en says the same in English; the trap "Гүйцэтгэлийн түвшин" is explained as undecided by its words', async () => {
    const run = await runCli('explain-header', 'Хүрсэн төвшин', 'Гүйцэтгэлийн түвшин', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.out).toContain('"Хүрсэн төвшин" → achieved');
    expect(run.out).toContain('Phrase matched: "Хүрсэн түвшин" — the header holds it, a few letters may be wrong; 1 letter wrong, up to 2 allowed');
    expect(run.out).toContain('weighed against the other matches');
    expect(run.out).toContain('"Гүйцэтгэлийн түвшин" → performance level (performance-level)');
    expect(run.out).toContain('a rule checked first: the first that matches decides');
    expect(run.out).not.toContain('Таарсан хэллэг');
  });

  it('exits 1 when a header is read as no column, and says why where it can', async () => {
    const run = await runCli('explain-header', 'Хувь', '12', 'Тайлбар', '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.out).toContain('"Хувь" → percent');
    expect(run.out).toContain('"12" → not read as any column: a number (the column-number row)');
    expect(run.out).toContain('"Тайлбар" → not read as any column');
  });

  it('says when a phrase was ruled out because the header is longer than it allows', async () => {
    const run = await runCli('explain-header', 'Гүйцэтгэлийн түвшин (хувиар)', '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.out).toContain('"Гүйцэтгэлийн түвшин": the header holds it, a few letters may be wrong; 0 letters wrong, up to 2 allowed; the header at most 3 letters longer than the phrase — ruled out: the header is 6 letters longer than the phrase');
    const mn = await runCli('explain-header', 'Гүйцэтгэлийн түвшин (хувиар)');
    expect(mn.out).toContain('толгой хэллэгээс 6 үсгээр урт тул тооцохгүй');
  });

  it('refuses with no header (exit 2, the usage line)', async () => {
    const run = await runCli('explain-header', '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.err).toContain('no header given');
    expect(run.err).toContain('unelgee explain-header "HEADER"…');
  });

  it('--json gives the role, the phrase and its letters for each header', async () => {
    const run = await runCli('explain-header', 'Хүрсэн төвшин', 'Тайлбар', '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out) as { command: string; exitCode: number; headers: { header: string; role: string | null; matched: { phrase: string; errors: number; tolerance: number } | null }[] };
    expect(json.command).toBe('explain-header');
    expect(json.exitCode).toBe(1);
    expect(json.headers[0]).toMatchObject({ header: 'Хүрсэн төвшин', role: 'achieved', matched: { phrase: 'Хүрсэн түвшин', errors: 1, tolerance: 2 } });
    expect(json.headers[1]).toMatchObject({ header: 'Тайлбар', role: null, matched: null });
  });
});
