import { mediaPath } from './media';

/**
 * Example images in a project's instructions: a Markdown image on a line of its own whose target is
 * a file the queue stores, `![A car seen from the side](/media/<sha256>)` (or its bare sha256). The queue checks they
 * exist and lets whoever may work on the project read them; the workstation downloads them with
 * the batch and shows them offline. Any other target (a web address) is shown as its text only:
 * nothing is fetched from outside while a HITer works.
 */
export const INSTRUCTION_IMAGE = /^!\[([^\]]*)\]\(\s*(?:\/media\/)?([a-f0-9]{64})\s*\)$/;

/** The example image a (trimmed) line shows, or null. */
export function instructionImageOf(line: string): { alt: string; sha256: string } | null {
  const match = INSTRUCTION_IMAGE.exec(line.trim());
  return match ? { alt: match[1]!.trim(), sha256: match[2]! } : null;
}

/** Every stored file the instructions show, once each, in order. */
export function instructionImages(markdown: string): string[] {
  const found = new Set<string>();
  for (const line of markdown.split(/\r\n?|\n/)) {
    const image = instructionImageOf(line);
    if (image) found.add(image.sha256);
  }
  return [...found];
}

/** The Markdown line that shows a stored file as an example image. */
export function instructionImageLine(alt: string, sha256: string): string {
  return `![${alt.replace(/[[\]\n]/g, ' ').trim()}](${mediaPath(sha256)})`;
}
