#!/usr/bin/env node
// Entry point of the `imagesig` executable: runs the TypeScript CLI through tsx, so
// the project needs no build step.
require('tsx/cjs');
require('./cli.ts');
