/** One page of a listing read after a cursor, as the queue's paged endpoints answer. */
export type Page<T> = { rows: T[]; nextAfter: number | null };

/** Every row of a paged listing: page after page, from the start until there is no next one. */
export async function readAllPages<T>(page: (after: number) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let after: number | null = 0; after !== null;) {
    const next: Page<T> = await page(after);
    all.push(...next.rows);
    after = next.nextAfter;
  }
  return all;
}
