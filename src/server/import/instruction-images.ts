import { instructionImageLine } from '../../shared/domain/instructions';
import type { MediaLibrary } from '../media/ingest';
import { MediaFieldError, mediaResolver } from './resolve-media';

/** A Markdown image on a line of its own: `![alt](target)`. */
const IMAGE_LINE = /^(\s*)!\[([^\]]*)\]\(\s*([^)\s]+)\s*\)\s*$/;
/** Targets left as they are: stored files, and web addresses (shown as their text, never fetched). */
const KEPT = /^((\/media\/)?[a-f0-9]{64}$|(?!sha256:)[a-z][a-z0-9+.-]*:)/i;

/**
 * Stores the example images a project's instructions name by a path in `folder`
 * (`![A car](examples/car.jpg)`) and points each at its stored file (`/media/<sha256>`), which the
 * queue lets the project's HITers read and the workstation downloads with the batch. `sha256:<hex>`
 * names a file already uploaded. Errors name the line and the file.
 */
export async function storeInstructionImages(
  library: MediaLibrary,
  instructions: string,
  folder: string | null,
): Promise<string> {
  const resolver = mediaResolver(library, folder);
  const lines = instructions.split(/\r\n?|\n/);
  for (const [index, line] of lines.entries()) {
    const match = IMAGE_LINE.exec(line);
    if (!match || KEPT.test(match[3]!)) continue;
    const [, indent, alt, target] = match as unknown as [string, string, string, string];
    try {
      const { ref } = await resolver.resolve(target)!;
      if (!ref.mime.startsWith('image/')) throw new MediaFieldError(`"${target}" is not an image`);
      lines[index] = indent + instructionImageLine(alt, ref.sha256);
    } catch (error) {
      if (error instanceof MediaFieldError)
        throw new MediaFieldError(`instructions, line ${index + 1}: ${error.message}`);
      throw error;
    }
  }
  return lines.join('\n');
}
