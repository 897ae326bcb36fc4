import type { AudioTranscriptionConfig } from '../../../shared/domain/kinds/audio';
import type { AudioPlayer, PlayerStore } from '../../audio/player';
import { labelForDigit } from '../../editor/audio/labels';
import { stepRate, stepZoom } from '../../editor/audio/playback';
import {
  deleteSegment,
  findSegment,
  insertSegmentAt,
  mergeWithNext,
  neighbourOf,
  resizeSegment,
  segmentAt,
  setSegmentLabel,
  splitSegment,
  type EditResult,
  type SegmentProblem,
  type SegmentRules,
} from '../../editor/audio/segments';
import type { TranscriptionCommand } from '../../editor/audio/transcription-keys';
import { showInbox, toggleInstructions } from '../../state/app-store';
import { segmentOfTranscriptField } from './focus';
import type { TranscriptionEditor } from './useTranscriptionEditor';

/** A new segment made from the keyboard lasts this long, or up to the next one. */
export const INSERT_LENGTH_MS = 2000;

/** What the transcription commands act on: the screen's state and setters, as of this render. */
export type CommandContext = {
  editor: TranscriptionEditor;
  config: AudioTranscriptionConfig;
  rules: SegmentRules;
  player: () => AudioPlayer | null;
  store: PlayerStore;
  zoomLevels: readonly number[];
  selectedId: string | null;
  newLabel: string;
  setNewLabel: (code: string) => void;
  select: (id: string | null) => void;
  /** Selects a segment, brings it into view and (with `focusText`) puts the caret in its transcript. */
  goTo: (id: string, focusText: boolean) => void;
  /** Says why an edit was refused (null clears the notice). */
  notify: (problem: SegmentProblem | 'outside' | null) => void;
  submit: () => void;
};

export function newSegmentId(taken: (id: string) => boolean): string {
  let id: string;
  do id = `s-${crypto.randomUUID().slice(0, 8)}`;
  while (taken(id));
  return id;
}

/** Reports a refused edit; true when it was refused. */
function refused(ctx: CommandContext, result: EditResult): boolean {
  ctx.notify(result.ok ? null : result.problem);
  return !result.ok;
}

/** Makes a segment (drawn, or inserted at the playhead) and moves to it. */
export function createWith(ctx: CommandContext, make: (id: string) => EditResult): void {
  const id = newSegmentId((candidate) => findSegment(ctx.editor.current(), candidate) !== undefined);
  if (
    refused(
      ctx,
      ctx.editor.edit(() => make(id)),
    )
  )
    return;
  const label = ctx.config.labels.find((entry) => entry.code === ctx.newLabel);
  ctx.goTo(id, label?.transcribe !== false);
}

/** Runs one command; false when it did nothing, so the key keeps its usual meaning. */
export function runTranscriptionCommand(command: TranscriptionCommand, ctx: CommandContext): boolean | void {
  const { editor, rules } = ctx;
  const player = ctx.player();
  const doc = editor.current();
  // Typing in a transcript, the HITer means that segment, whatever the waveform or the last
  // render selected: the focused field says it at the moment of the key press.
  const focused = document.activeElement;
  const typingId = segmentOfTranscriptField(focused);
  const targetId = typingId ?? ctx.selectedId;
  const target = targetId ? findSegment(doc, targetId) : undefined;
  const playheadMs = () => Math.round((player?.currentTime() ?? 0) * 1000);
  switch (command.type) {
    case 'playPause':
      return player?.toggle();
    case 'skip':
      return player?.skip(command.seconds);
    case 'speed':
      return player?.setRate(stepRate(ctx.store.get().rate, command.direction));
    case 'zoom':
      return player?.setZoom(stepZoom(ctx.zoomLevels, ctx.store.get().zoom, command.direction));
    case 'nextSegment': {
      // The next segment with a transcript to type; past the last one Tab leaves the list as usual.
      const typed = new Set(ctx.config.labels.filter((label) => label.transcribe).map((label) => label.code));
      let next = neighbourOf(doc, targetId, command.direction);
      while (next && !typed.has(next.label)) next = neighbourOf(doc, next.id, command.direction);
      if (!next) return false;
      return ctx.goTo(next.id, true);
    }
    case 'setStart':
    case 'setEnd': {
      if (!target) return void ctx.notify('not_found');
      const edge = command.type === 'setStart' ? { startMs: playheadMs() } : { endMs: playheadMs() };
      return void refused(
        ctx,
        editor.edit((current) => resizeSegment(current, target.id, edge, rules)),
      );
    }
    case 'insert': {
      const input = { atMs: playheadMs(), lengthMs: INSERT_LENGTH_MS, label: ctx.newLabel };
      return createWith(ctx, (id) => insertSegmentAt(doc, { id, ...input }, rules));
    }
    case 'split': {
      const at = playheadMs();
      const inside = target && target.startMs < at && at < target.endMs ? target : segmentAt(doc, at);
      if (!inside) return void ctx.notify('outside');
      // Typing in its transcript: the text is cut at the caret, and typing goes on in the new part.
      const caret =
        focused instanceof HTMLTextAreaElement && typingId === inside.id ? focused.selectionStart : undefined;
      const id = newSegmentId((candidate) => findSegment(doc, candidate) !== undefined);
      const result = editor.edit((current) => splitSegment(current, inside.id, at, id, rules, caret));
      if (!refused(ctx, result)) ctx.goTo(id, typingId !== null);
      return;
    }
    case 'merge':
      if (!target) return void ctx.notify('not_found');
      return void refused(
        ctx,
        editor.edit((current) => mergeWithNext(current, target.id)),
      );
    case 'delete': {
      if (!target) return void ctx.notify('not_found');
      const neighbour = neighbourOf(doc, target.id, 1) ?? neighbourOf(doc, target.id, -1);
      if (
        !refused(
          ctx,
          editor.edit((current) => deleteSegment(current, target.id)),
        )
      ) {
        ctx.select(neighbour?.id ?? null);
      }
      return;
    }
    case 'labelAt': {
      const label = labelForDigit(ctx.config.labels, command.position);
      if (!label) return false;
      ctx.setNewLabel(label.code);
      if (target) editor.edit((current) => setSegmentLabel(current, target.id, label.code));
      return;
    }
    case 'undo':
      return editor.undo();
    case 'redo':
      return editor.redo();
    case 'submit':
      return ctx.submit();
    case 'back':
      return showInbox();
    case 'leaveField':
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      return;
    case 'toggleInstructions':
      return toggleInstructions();
  }
}
