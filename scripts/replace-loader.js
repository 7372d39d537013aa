// A webpack loader that replaces exact strings in one file and fails the
// build when one is not there (so a dependency's new version that moved the
// code is noticed, not silently shipped). Options: { replace: [[from, to], …] }.
'use strict';

module.exports = function replaceLoader(source) {
  const { replace } = this.getOptions();
  let out = source;
  for (const [from, to] of replace) {
    if (!out.includes(from)) throw new Error(`replace-loader: ${JSON.stringify(from)} is not in ${this.resourcePath}`);
    out = out.split(from).join(to);
  }
  return out;
};
