import { instructionImageOf } from '../../shared/domain/instructions';

/**
 * Just enough Markdown for project instructions: headings, paragraphs, lists, bold, italics, code
 * and example images (a stored file on a line of its own, see shared/domain/instructions.ts). The
 * result is data that React renders as text, so no HTML from a project ever reaches the page.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'em'; text: string }
  | { type: 'code'; text: string };

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'image'; alt: string; sha256: string };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
/** `code`, **strong** / __strong__, *em* / _em_, [text](link) and ![text](image) shown as their text. */
const INLINE =
  /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|\b_([^_]+)_\b|!?\[([^\]]+)\]\([^)]*\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += value;
    else out.push({ type: 'text', text: value });
  };
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    pushText(text.slice(at, match.index));
    const [, code, strong1, strong2, em1, em2, link] = match;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (strong1 !== undefined || strong2 !== undefined)
      out.push({ type: 'strong', text: strong1 ?? strong2 ?? '' });
    else if (em1 !== undefined || em2 !== undefined) out.push({ type: 'em', text: em1 ?? em2 ?? '' });
    else pushText(link ?? '');
    at = match.index + match[0].length;
  }
  pushText(text.slice(at));
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  // Declared with `as` so TypeScript does not narrow it to null: the closures below reassign it.
  let list = null as { ordered: boolean; items: string[] } | null;

  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const image = instructionImageOf(line);
    if (image) {
      endParagraph();
      endList();
      blocks.push({ type: 'image', ...image });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      endList();
      blocks.push({ type: 'heading', level: heading[1]!.length, content: parseInline(heading[2] ?? '') });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      endParagraph();
      const ordered = numbered !== null;
      if (list?.ordered !== ordered) {
        endList();
        list = { ordered, items: [] };
      }
      list.items.push(item[1]?.trim() ?? '');
      continue;
    }
    if (list) {
      // A plain line right under an item continues it, as Markdown's lazy continuation does.
      const items = list.items;
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line.trim()}`;
      continue;
    }
    paragraph.push(line.trim());
  }
  endParagraph();
  endList();
  return blocks;
}
