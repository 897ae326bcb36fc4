import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('instructions Markdown', () => {
  it('reads headings, paragraphs joined across lines, and both kinds of list', () => {
    const blocks = parseMarkdown(
      [
        '# Moderate reviews',
        '',
        'Read the whole',
        'review first.',
        '',
        '- Spam',
        '- Insults',
        '',
        '1. Read',
        '2) Decide',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Moderate reviews' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Read the whole review first.' }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'Spam' }], [{ type: 'text', text: 'Insults' }]],
      },
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'Read' }], [{ type: 'text', text: 'Decide' }]],
      },
    ]);
  });

  it('ends a paragraph at a list or heading even without a blank line, and continues items lazily', () => {
    const blocks = parseMarkdown('Reject when:\n- it insults\n  someone\n## Notes');
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'list', 'heading']);
    expect(blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      items: [[{ type: 'text', text: 'it insults someone' }]],
    });
  });

  it('reads bold, italics and code, and keeps only the text of links', () => {
    expect(parseInline('Use **Reject** for *spam*, `1`–`9` and [the guide](http://x).')).toEqual([
      { type: 'text', text: 'Use ' },
      { type: 'strong', text: 'Reject' },
      { type: 'text', text: ' for ' },
      { type: 'em', text: 'spam' },
      { type: 'text', text: ', ' },
      { type: 'code', text: '1' },
      { type: 'text', text: '–' },
      { type: 'code', text: '9' },
      { type: 'text', text: ' and the guide.' },
    ]);
  });

  it('keeps raw HTML and lone asterisks as plain text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> 2 * 3 = 6')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> 2 * 3 = 6' }] },
    ]);
    expect(parseInline('snake_case_name')).toEqual([{ type: 'text', text: 'snake_case_name' }]);
  });

  it('turns a stored image on a line of its own into an example, and any other image into its text', () => {
    const sha = 'c'.repeat(64);
    expect(
      parseMarkdown(
        [
          'Draw tight boxes.',
          `![A good box](/media/${sha})`,
          'More text with ![an inline picture](/media/x.png) inside.',
          '![Remote](https://example.org/a.png)',
        ].join('\n'),
      ),
    ).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Draw tight boxes.' }] },
      { type: 'image', alt: 'A good box', sha256: sha },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'More text with an inline picture inside. Remote' }],
      },
    ]);
  });

  it('returns nothing for empty instructions', () => {
    expect(parseMarkdown('  \n\n')).toEqual([]);
  });
});
