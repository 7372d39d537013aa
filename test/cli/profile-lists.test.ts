// Every list of profiles the command line prints comes from PROFILES: a
// profile added there shows in validate's usage line and in its --profile
// option at once, in both languages.
import { PROFILES, getProfile } from '../../src/core';
import { runCli } from '../support/cli';

describe('the profiles --help lists', () => {
  const added = { ...getProfile('practice'), id: 'ministry2027', name: { mn: 'Яамны 2027', en: 'Ministry 2027' } };
  beforeAll(() => PROFILES.push(added));
  afterAll(() => PROFILES.splice(PROFILES.indexOf(added), 1));

  it.each(['mn', 'en'])('validate --help in %s: the usage line and the option line name every profile', async (lang) => {
    const help = await runCli('validate', '--help', '--lang', lang);
    expect(help.code).toBe(0);
    const ids = PROFILES.map((p) => p.id).join('|');
    expect(ids).toContain('ministry2027');
    const [usageLine] = help.out.split('\n');
    expect(usageLine).toContain(`--profile ${ids}`);
    const optionLine = help.out.split('\n').find((line) => line.trimStart().startsWith('--profile <id>'));
    expect(optionLine).toContain(ids);
  });
});
