// Runs vue-tsc (the renderer's .vue files against the typed IPC contract) on TypeScript 5: vue-tsc does not yet run
// on TypeScript 7, which the rest of the project uses. `typescript` is read as the `typescript-5` alias installed
// beside it (package.json), for this process only.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const aliased = request === 'typescript' || request.startsWith('typescript/') ? request.replace(/^typescript/, 'typescript-5') : request;
  return resolve.call(this, aliased, ...rest);
};
require('vue-tsc/bin/vue-tsc.js');
