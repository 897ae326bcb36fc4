import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaPath } from '../../shared/domain/media';
import { parseMarkdown, type Inline } from '../editor/markdown';

function InlineText({ content }: { content: Inline[] }) {
  return content.map((part, index) => {
    switch (part.type) {
      case 'strong':
        return <strong key={index}>{part.text}</strong>;
      case 'em':
        return <em key={index}>{part.text}</em>;
      case 'code':
        return <code key={index}>{part.text}</code>;
      case 'text':
        return part.text;
    }
  });
}

/**
 * An example image of the instructions, from the laptop's copy (downloaded with the batch). One
 * that is not there yet (a batch still downloading) says so instead of showing a broken image.
 */
function ExampleImage({ alt, sha256 }: { alt: string; sha256: string }) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  return (
    <figure className="markdown-example">
      {missing ? (
        <p className="hint">{t('markdown.exampleMissing')}</p>
      ) : (
        <img
          src={mediaPath(sha256)}
          alt={alt || t('markdown.example')}
          loading="lazy"
          decoding="async"
          onError={() => setMissing(true)}
        />
      )}
      {alt && <figcaption>{alt}</figcaption>}
    </figure>
  );
}

/**
 * Project instructions as React elements, never as HTML. Headings start one level under the
 * panel's own heading (`baseLevel`) so the page outline stays right.
 */
export function Markdown({ source, baseLevel = 3 }: { source: string; baseLevel?: number }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown">
      {blocks.map((block, index) => {
        if (block.type === 'heading') {
          const level = Math.min(6, baseLevel + block.level - 1);
          const Tag = `h${level}` as 'h3';
          return (
            <Tag key={index}>
              <InlineText content={block.content} />
            </Tag>
          );
        }
        if (block.type === 'paragraph') {
          return (
            <p key={index}>
              <InlineText content={block.content} />
            </p>
          );
        }
        if (block.type === 'image') return <ExampleImage key={index} alt={block.alt} sha256={block.sha256} />;
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <InlineText content={item} />
              </li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
