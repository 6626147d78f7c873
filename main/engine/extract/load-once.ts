// A reader's module, imported on first use and kept for the thread: an import() per file would cost a
// module lookup each time (through tsx's resolve hook when it runs), and most scans never need some readers.
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
