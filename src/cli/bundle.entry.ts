// The command line as ONE file (the release's cli/unelgee.cjs, built by
// webpack.cli.config.js with every dependency inside): on the main thread it
// is the `unelgee` command, as bin/unelgee.js runs it; in a worker thread it
// is the roll-up pool's worker — piscina's own worker code (bundled here,
// started on this same file), which then finds the task, checkFile, among
// this file's exports.

import { isMainThread } from 'worker_threads';
import { fillTemplate } from '../core';
import { RELEASE_TEXT } from '../i18n/release';
import { EXIT_FAILURE } from './exit-codes';

export { checkFile } from './check-file';

/** The oldest Node the file runs on (webpack.cli.config.js builds for it). */
const OLDEST_NODE = 18;

if (Number(process.versions.node.split('.')[0]) < OLDEST_NODE) {
  const fields = { oldest: OLDEST_NODE, version: process.version };
  // Both languages: the language option is read by the command, which does not start here.
  process.stderr.write(`unelgee: ${fillTemplate(RELEASE_TEXT.nodeTooOld.mn, fields)} / ${fillTemplate(RELEASE_TEXT.nodeTooOld.en, fields)}\n`);
  process.exitCode = EXIT_FAILURE;
} else if (isMainThread) {
  void import('./main').then(({ main }) =>
    main(process.argv.slice(2)).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`unelgee: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
        process.exitCode = EXIT_FAILURE;
      },
    ),
  );
} else {
  // webpack.cli.config.js resolves this name to piscina's dist/worker.js (the package does not export it).
  // @ts-expect-error no such package: an alias of the one-file build only
  void import('piscina-worker');
}
