// The worker of the roll-up's pool (piscina loads the compiled file): one task, one file.

export { checkFile } from './check-file';
