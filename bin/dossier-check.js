#!/usr/bin/env node
// The package's `bin`: the program is TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../main/cli.ts', import.meta.url).href);
