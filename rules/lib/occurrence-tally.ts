// Counts occurrences of one thing per file (a term, a kind of personal data) so a rule reports it
// once, with where it first stands and a short list of the other places.

export interface Occurrences<T> {
  first: T;
  count: number;
  /** Distinct locations in reading order, at most `maxLocations`. */
  locations: string[];
}

export const maxLocations = 10;

export class OccurrenceTally<T> {
  private readonly byKey = new Map<string, Occurrences<T>>();

  add(key: string, location: string, value: T): void {
    const entry = this.byKey.get(key);
    if (entry === undefined) {
      this.byKey.set(key, { first: value, count: 1, locations: [location] });
      return;
    }
    entry.count++;
    if (entry.locations.length < maxLocations && !entry.locations.includes(location)) entry.locations.push(location);
  }

  entries(): Array<[string, Occurrences<T>]> {
    return [...this.byKey.entries()];
  }
}
