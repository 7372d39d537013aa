// Every bundle the release ships parses in every browser and webview it is
// meant for: the add-in's scripts in Excel for Mac 16.50's webview (macOS
// 10.15, Safari 15), the page in current Chrome, Edge and Firefox, the
// command line in Node 18. Safari 15 parses ES2022 except class static
// blocks (16.4) and refuses a regular expression literal with lookbehind
// (16.4) — and with it the whole file. So each script is parsed at ES2022
// and searched for both (package.json's browserslist; webpack.config.js
// transpiles the dependencies that need it).

import * as fs from 'fs';
import * as path from 'path';
import { parse, type Node } from 'acorn';
import { full } from 'acorn-walk';
import { RELEASE, SERVED_ROOT, SINGLE_FILE } from '../support/page-host';

interface Found {
  staticBlocks: number;
  lookbehinds: string[];
}

/** Parses at ES2022 (throws on newer syntax) and lists what Safari 15 would refuse. */
function safari15(code: string): Found {
  const tree = parse(code, { ecmaVersion: 2022, sourceType: 'script' });
  const found: Found = { staticBlocks: 0, lookbehinds: [] };
  full(tree, (node: Node) => {
    if (node.type === 'StaticBlock') found.staticBlocks++;
    const regex = (node as Node & { regex?: { pattern: string } }).regex;
    if (node.type === 'Literal' && regex && /\(\?<[=!]/.test(regex.pattern)) found.lookbehinds.push(regex.pattern.slice(0, 60));
  });
  return found;
}

/** The scripts inside the single file that run (not its data block): the engine's by its id, then the page's and the last check. */
function inlineScripts(html: string): { name: string; code: string }[] {
  const unnamed = ['page', 'too-old check'];
  return [...html.matchAll(/<script(?: id="([^"]+)")?>([\s\S]*?)<\/script>/g)].map((match) => ({ name: match[1] ?? unnamed.shift() ?? 'more', code: match[2] }));
}

const webBundles = fs.existsSync(SERVED_ROOT) ? fs.readdirSync(SERVED_ROOT).filter((file) => file.endsWith('.js')) : [];

describe('what Safari 15 (Excel for Mac 16.50) would refuse', () => {
  it('finds a static block and a lookbehind when they are there (the check itself)', () => {
    expect(safari15('class A { static { this.x = 1; } }').staticBlocks).toBe(1);
    expect(safari15('const r = /(?<![a-z])и/u;').lookbehinds).toEqual(['(?<![a-z])и']);
    expect(safari15('const r = /(?<!x)y/; const s = /(?<=a)b/;').lookbehinds).toHaveLength(2);
    expect(safari15('const r = /(?<name>x)\\k<name>/;').lookbehinds).toEqual([]);
    expect(() => safari15('const r = /x/v;')).toThrow();
  });

  it('the add-in\'s and the served page\'s scripts (dist/web) have neither', () => {
    expect(webBundles.length).toBeGreaterThan(5);
    for (const file of webBundles) {
      expect({ file, ...safari15(fs.readFileSync(path.join(SERVED_ROOT, file), 'utf8')) }).toEqual({ file, staticBlocks: 0, lookbehinds: [] });
    }
  });

  it('the single file\'s scripts have neither', () => {
    const scripts = inlineScripts(fs.readFileSync(SINGLE_FILE, 'utf8'));
    expect(scripts.map((script) => script.name)).toEqual(['unelgee-engine', 'page', 'too-old check']);
    for (const { name, code } of scripts) expect({ name, ...safari15(code) }).toEqual({ name, staticBlocks: 0, lookbehinds: [] });
  });

  it('the command line\'s one file parses at ES2022 (Node 18)', () => {
    const code = fs.readFileSync(path.join(RELEASE, 'cli', 'unelgee.cjs'), 'utf8').replace(/^#!.*\n/, '');
    expect(() => parse(code, { ecmaVersion: 2022, sourceType: 'script', allowReturnOutsideFunction: true })).not.toThrow();
  });
});
