import { mountImageBench, type BenchOptions } from './mount-bench';

/** The benchmark page's entry (bench/image-harness/index.html): options come from the URL. */
const query = new URLSearchParams(location.search);
const options: BenchOptions = {
  src: query.get('src') ?? '',
  preview: query.get('preview'),
  display: query.get('display'),
  width: Number(query.get('width')),
  height: Number(query.get('height')),
  boxes: Number(query.get('boxes') ?? 5000),
  polygons: Number(query.get('polygons') ?? 1000),
  vertices: Number(query.get('vertices') ?? 20),
  locale: query.get('locale') === 'fr' ? 'fr' : 'en',
  mode: query.get('mode') === 'compare' ? 'compare' : 'annotate',
};
const root = document.getElementById('root');
if (!root) throw new Error('the benchmark page has no #root');
(window as unknown as { __bench: unknown }).__bench = mountImageBench(root, options);
