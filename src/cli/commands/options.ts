// Options several commands share, declared once, described in the user's language.

import { Option, type Command, type OptionValues } from 'commander';
import { DEFAULT_PROFILE_ID, PROFILES, fillTemplate, type Lang, type Localized } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { UsageError } from '../context';

export function jsonOption(command: Command, lang: Lang): void {
  command.addOption(new Option('--json', CLI_TEXT.optJson[lang]));
}

/** The profiles' ids as usage lines write them ("practice|zg206|finer"), from PROFILES. */
const profileIds = (): string => PROFILES.map((profile) => profile.id).join('|');

/** A usage line with its "{profiles}" filled in from PROFILES. */
export function usageWithProfiles(usage: Localized): Localized {
  const profiles = profileIds();
  return { mn: fillTemplate(usage.mn, { profiles }), en: fillTemplate(usage.en, { profiles }) };
}

export function profileOption(command: Command, lang: Lang): void {
  command.addOption(new Option('--profile <id>', fillTemplate(CLI_TEXT.optProfile[lang], { ids: profileIds(), default: DEFAULT_PROFILE_ID })));
}

export function quietOption(command: Command, lang: Lang): void {
  command.addOption(new Option('-q, --quiet', CLI_TEXT.optQuiet[lang]));
}

export function outputOption(command: Command, lang: Lang): void {
  command.addOption(new Option('-o, --output <file>', CLI_TEXT.optOutput[lang]));
}

/** The profile asked for (the engine's default when none). */
export function profileOf(options: OptionValues, lang: Lang): string {
  const id = options.profile as string | undefined;
  if (id === undefined) return DEFAULT_PROFILE_ID;
  if (!PROFILES.some((p) => p.id === id)) throw new UsageError(`${CLI_TEXT.unknownProfile[lang]}: ${id}`);
  return id;
}
