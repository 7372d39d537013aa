// The docs' lists of the engine's registries are the ones generated from
// them (scripts/domain-docs.ts, `npm run docs:domain`): docs/domain.md §2's
// header phrases from HEADER_PHRASES, every list of rating profiles in
// README.md and docs/ from PROFILES. A phrase or a profile added without
// regenerating fails here, and so does a profile id written by hand outside
// a generated list.

import * as fs from 'fs';
import * as path from 'path';
import { getProfile, HEADER_PHRASES, PROFILES } from '../../src/core';
import { headerPhrasesTable, profilesList, regenerate, regionSpans, REGIONS } from '../../scripts/domain-docs';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** README.md and every Markdown file in docs/. */
const DOCS = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

describe('docs generated from the registries (npm run docs:domain)', () => {
  it.each(REGIONS.map((region) => [region.file, region.start, region]))('%s: %s is as generated', (file, _start, region) => {
    const text = read(file);
    expect(regionSpans(text, region).length).toBeGreaterThan(0);
    expect(text).toBe(regenerate(text, region));
  });

  it('the header-phrase table names every phrase of HEADER_PHRASES with its role', () => {
    const table = headerPhrasesTable();
    for (const phrase of HEADER_PHRASES) expect(table).toContain(`| \`${phrase.role}\` | ${phrase.text.replace(/\|/g, '\\|')} |`);
  });

  describe('with a profile added', () => {
    const added = { ...getProfile('practice'), id: 'ministry2027', name: { mn: 'Яамны 2027', en: 'Ministry 2027' } };
    beforeAll(() => PROFILES.push(added));
    afterAll(() => PROFILES.splice(PROFILES.indexOf(added), 1));

    it('every generated list of profiles names it, and the docs as they stand are stale', () => {
      expect(profilesList()).toContain('`ministry2027`: Ministry 2027');
      const profileRegions = REGIONS.filter((region) => region.text === profilesList);
      expect(new Set(profileRegions.map((region) => region.file))).toEqual(new Set(['README.md', 'docs/domain.md']));
      for (const region of profileRegions) {
        const text = read(region.file);
        expect(regenerate(text, region)).not.toBe(text);
      }
    });
  });

  it.each(DOCS)('%s names a profile id (`practice`, practice|zg206, --profile practice) only inside a generated list', (file) => {
    let text = read(file);
    for (const region of REGIONS) for (const span of regionSpans(text, region).reverse()) text = text.slice(0, span.from) + text.slice(span.to);
    // As a list writes an id: `practice`, practice|zg206, --profile practice.
    for (const profile of PROFILES) expect([file, new RegExp(`[\`|]${profile.id}[\`|]|--profile ${profile.id}\\b`).test(text)]).toEqual([file, false]);
  });
});
