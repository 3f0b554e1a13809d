// Preloaded into a child `imagesig serve` (node --require) by security.test.ts: every
// call that could write a file prints `fs-write: <path>` on stderr, so the test can tell
// that no key material (nor anything else) reaches the disk.
'use strict';
const fs = require('node:fs');

function report(kind, target) {
  process.stderr.write(`fs-write: ${kind} ${String(target)}\n`);
}

const WRITES = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'createWriteStream',
  'copyFile',
  'copyFileSync',
  'rename',
  'renameSync',
  'mkdtemp',
  'mkdtempSync',
];

function wrap(target, name, kind) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function recorded(path, ...rest) {
    report(kind, path);
    return original.call(this, path, ...rest);
  };
}

for (const name of WRITES) {
  wrap(fs, name, name);
  wrap(fs.promises, name, `promises.${name}`);
}

// open() writes only with a flag other than plain reading.
for (const [target, name] of [
  [fs, 'open'],
  [fs, 'openSync'],
  [fs.promises, 'open'],
]) {
  const original = target[name];
  target[name] = function recordedOpen(path, flags, ...rest) {
    if (flags !== undefined && flags !== 'r' && flags !== fs.constants.O_RDONLY) {
      report(`${name}(${String(flags)})`, path);
    }
    return original.call(this, path, flags, ...rest);
  };
}
