import path from 'node:path';

/**
 * The folders the user chose through the dialog, per window. A handler acts only on paths inside one of them:
 * a compromised page cannot scan, open or reveal anything else.
 */
export class GrantedRoots {
  private readonly roots = new Set<string>();

  grant(root: string): void {
    this.roots.add(path.resolve(root));
  }

  /** The folder a path lies in, or null. */
  rootOf(candidate: string): string | null {
    const resolved = path.resolve(candidate);
    for (const root of this.roots) {
      const relative = path.relative(root, resolved);
      if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return root;
    }
    return null;
  }
}
