// Entry of an extraction worker thread. Plain JavaScript so Node can start it in every setting:
// compiled (extract-worker.js beside it), under the tsx CLI (its loader is inherited by the
// thread), or under vitest (no loader in the thread: tsx is registered here first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const tsModule = new URL('./extract-worker.ts', import.meta.url);

if (existsSync(fileURLToPath(tsModule))) {
  try {
    await import(tsModule.href);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { register } = await import('tsx/esm/api');
    register();
    // A fresh URL: the failed attempt may stay cached under the plain one.
    await import(`${tsModule.href}?loader=tsx`);
  }
} else {
  await import(new URL('./extract-worker.js', import.meta.url).href);
}
