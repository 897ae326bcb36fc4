/** Ids for new shapes: unique enough to merge drafts and copies, short enough to keep drafts small. */
export function createIdMaker(random: () => number = Math.random): () => string {
  let counter = 0;
  const session = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return () => {
    counter += 1;
    return `s${session}${counter.toString(36)}`;
  };
}
