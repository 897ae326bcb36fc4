import { createRoot } from 'react-dom/client';
import { initI18n } from '../../../i18n';
import type { WorkspaceProps } from '../../task/workspaces';
import { TranscriptionWorkspace } from '../TranscriptionWorkspace';
import { createBenchDriver } from './bench-driver';
import { benchTask, type BenchOptions } from './bench-task';

/** The benchmark page's entry (bench/audio-harness/index.html): options come from the URL. */
const query = new URLSearchParams(location.search);
const options: BenchOptions = {
  audioSha: query.get('audio') ?? '',
  audioBytes: Number(query.get('audioBytes')),
  peaksSha: query.get('peaks') ?? '',
  peaksBytes: Number(query.get('peaksBytes')),
  durationMs: Number(query.get('durationMs')),
  segments: Number(query.get('segments') ?? 200),
  locale: query.get('locale') === 'fr' ? 'fr' : 'en',
};
initI18n(options.locale);
const element = document.getElementById('root');
if (!element) throw new Error('the benchmark page has no #root');
const root = createRoot(element);
const detail = benchTask(options);
const props = { detail, task: detail.task } as WorkspaceProps<'audio_transcription'>;
(window as unknown as { __bench: unknown }).__bench = createBenchDriver(() =>
  root.render(
    <main id="main">
      <TranscriptionWorkspace {...props} />
    </main>,
  ),
);
