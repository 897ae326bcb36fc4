import {
  Fragment,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { SpanLabel, TextSpan } from '../../../shared/domain/kinds/text-moderation';
import type { Locale } from '../../../shared/domain/common';
import {
  applyCaretCommand,
  caretCommandFor,
  cleanRange,
  isCollapsed,
  selectionRange,
  type TextSelection,
} from '../../editor/text/selection';
import { useTranslation } from 'react-i18next';
import { caretReport } from '../../editor/text/caret-report';
import { segmentText, spanAtCaret } from '../../editor/text/spans';
import { fromUtf16, sliceText, snapToGraphemes, toUtf16, type TextModel } from '../../editor/text/text-model';
import { selectionIn } from './dom-offsets';

type Props = {
  model: TextModel;
  spans: readonly TextSpan[];
  labels: readonly SpanLabel[];
  locale: Locale;
  /** The text's own language, so screen readers and fonts treat it right. */
  lang: string | undefined;
  /** Null on a closed task: the spans are shown, nothing can be selected. */
  selection: TextSelection | null;
  onSelect?: (selection: TextSelection) => void;
  /** Delete or Backspace with the caret in a marked passage. */
  onRemoveAt?: (offset: number) => void;
  labelledBy: string;
  describedBy?: string;
};

/**
 * The text to moderate with its marked passages as highlights, and a caret of its own: click or
 * drag with the mouse, or (once focused) move with the arrows and select with Shift+arrows, even
 * though the text cannot be edited. Offsets are code points; the caret stops between graphemes.
 */
export function SpanText(props: Props) {
  const { model, spans, labels, locale, lang, selection, onSelect, onRemoveAt } = props;
  const container = useRef<HTMLDivElement>(null);
  const caret = useRef<HTMLSpanElement>(null);
  const [focused, setFocused] = useState(false);
  const { t } = useTranslation('moderation');
  /** Spoken after a caret move from the keyboard: the drawn caret is invisible to screen readers. */
  const [spoken, setSpoken] = useState('');
  const { start, end } = selection ? selectionRange(selection) : { start: -1, end: -1 };
  const segments = useMemo(
    () => segmentText(model.length, spans, start < 0 ? null : { start, end }),
    [model, spans, start, end],
  );
  const labelOf = (code: string) => labels.find((label) => label.code === code);
  const active = selection && isCollapsed(selection) ? spanAtCaret(spans, selection.focus) : -1;
  const caretAt = selection && focused ? selection.focus : null;

  useEffect(() => {
    if (caretAt !== null) caret.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [caretAt]);

  const takeMouseSelection = () => {
    const element = container.current;
    if (!element || !selection || !onSelect) return;
    const dom = selectionIn(element);
    if (!dom) return;
    const anchor = fromUtf16(model, dom.anchor);
    const focus = fromUtf16(model, dom.focus);
    const cleaned = anchor === focus ? null : cleanRange(model, anchor, focus);
    if (cleaned) {
      const backward = anchor > focus;
      onSelect(
        backward
          ? { anchor: cleaned.end, focus: cleaned.start }
          : { anchor: cleaned.start, focus: cleaned.end },
      );
    } else {
      const at = snapToGraphemes(model, focus, focus).start;
      onSelect({ anchor: at, focus: at });
    }
    // Our own highlight shows the selection from now on; the keyboard continues from it.
    element.ownerDocument.getSelection()?.removeAllRanges();
    element.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!selection || !onSelect || event.nativeEvent.isComposing) return;
    const command = caretCommandFor(event, { direction: model.direction, collapsed: isCollapsed(selection) });
    if (!command) return;
    event.preventDefault();
    if (command.type === 'removeSpan') {
      onRemoveAt?.(selection.focus);
      return;
    }
    const next = applyCaretCommand(model, selection, command);
    onSelect(next);
    // A selection is read out by the labels' status line; a bare caret is read out here.
    setSpoken(isCollapsed(next) ? describeCaret(next.focus) : '');
  };

  const describeCaret = (offset: number): string => {
    const report = caretReport(model, spans, offset);
    if (report.kind === 'end') return t('caret.end');
    const what = report.whitespace ? t(`caret.${report.whitespace}`) : report.text;
    const where = t('caret.at', { text: what, position: report.position, total: report.total });
    const span = spans[report.span];
    if (!span) return where;
    return t('caret.inSpan', { where, label: labelOf(span.label)?.label[locale] ?? span.label });
  };

  return (
    <>
      <div
        ref={container}
        className={`span-text${selection ? '' : ' span-text-readonly'}`}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        tabIndex={selection ? 0 : undefined}
        lang={lang}
        dir="auto"
        onMouseUp={takeMouseSelection}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        {segments.map((segment) => {
          const covering = [...segment.spans].sort((a, b) => width(spans[a]) - width(spans[b]) || b - a);
          const first = spans[covering[0] ?? -1];
          const second = spans[covering[1] ?? -1];
          const starting = spans.find((span) => span.start === segment.start);
          const style = {
            ...(first ? { '--c1': labelOf(first.label)?.color } : {}),
            ...(second ? { '--c2': labelOf(second.label)?.color } : {}),
          } as CSSProperties;
          const classes = [
            'piece',
            first ? 'is-marked' : '',
            second ? 'is-nested' : '',
            segment.selected ? 'is-selected' : '',
            active >= 0 && segment.spans.includes(active) ? 'is-active' : '',
          ].join(' ');
          return (
            <Fragment key={segment.start}>
              {caretAt === segment.start && <Caret ref={caret} />}
              <span
                className={classes.trim()}
                style={style}
                data-start={toUtf16(model, segment.start)}
                data-end={toUtf16(model, segment.end)}
                data-tag={starting ? (labelOf(starting.label)?.label[locale] ?? starting.label) : undefined}
              >
                {sliceText(model, segment.start, segment.end)}
              </span>
            </Fragment>
          );
        })}
        {caretAt === model.length && <Caret ref={caret} />}
      </div>
      <span className="visually-hidden" role="status" aria-live="polite">
        {focused ? spoken : ''}
      </span>
    </>
  );
}

const width = (span: TextSpan | undefined) => (span ? span.end - span.start : 0);

function Caret({ ref }: { ref: Ref<HTMLSpanElement> }) {
  return <span ref={ref} className="caret" aria-hidden="true" />;
}
