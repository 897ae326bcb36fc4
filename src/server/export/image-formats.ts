import type { ImageAnswer, ImageConfig, ImageItem, Shape } from '../../shared/domain/kinds/image';
import { boundingBox } from '../../shared/scoring/geometry';
import { escapeXml, finalAnswer, mediaFileName, stemOf, type ExportContext } from './context';
import { writeZip, type ZipEntry } from './zip';

type ImageRow = {
  fileName: string;
  item: ImageItem;
  answer: ImageAnswer;
  itemId: string;
  externalId: string | null;
};

function imageRows(context: ExportContext): ImageRow[] {
  return context.items.map((entry) => {
    const item = entry.data as ImageItem;
    return {
      fileName: mediaFileName(entry, 'image', item.image),
      item,
      answer: (finalAnswer('image', entry) ?? { shapes: [], classes: [] }) as ImageAnswer,
      itemId: entry.itemId,
      externalId: entry.externalId,
    };
  });
}

function boxOf(shape: Shape): { x: number; y: number; width: number; height: number } {
  if (shape.type === 'box') return shape;
  if (shape.type === 'polygon') return boundingBox(shape.points);
  return { x: shape.x, y: shape.y, width: 0, height: 0 };
}

const r2 = (value: number) => Math.round(value * 100) / 100;

/**
 * COCO JSON: images, categories (the project's labels, ids from 1), annotations with `bbox`
 * [x, y, width, height]; polygons add `segmentation`, points `keypoints` [x, y, 2]. Image-level
 * classes and shape attributes go in `hitdesk_classes` and `attributes` (COCO has no field for them).
 */
export function toCoco(context: ExportContext): Buffer {
  const config = context.project.config as ImageConfig;
  const categoryId = new Map(config.labels.map((label, index) => [label.code, index + 1]));
  const rows = imageRows(context);
  const annotations: unknown[] = [];
  rows.forEach((row, index) => {
    for (const shape of row.answer.shapes ?? []) {
      const box = boxOf(shape);
      const base = {
        id: annotations.length + 1,
        image_id: index + 1,
        category_id: categoryId.get(shape.label) ?? 0,
        iscrowd: 0,
        attributes: shape.attributes ?? {},
      };
      if (shape.type === 'point') {
        annotations.push({
          ...base,
          bbox: [r2(shape.x), r2(shape.y), 0, 0],
          area: 0,
          keypoints: [r2(shape.x), r2(shape.y), 2],
          num_keypoints: 1,
        });
      } else if (shape.type === 'polygon') {
        const flat = shape.points.flatMap(([x, y]) => [r2(x), r2(y)]);
        annotations.push({
          ...base,
          bbox: [r2(box.x), r2(box.y), r2(box.width), r2(box.height)],
          area: r2(shoelace(shape.points)),
          segmentation: [flat],
        });
      } else {
        annotations.push({
          ...base,
          bbox: [r2(box.x), r2(box.y), r2(box.width), r2(box.height)],
          area: r2(box.width * box.height),
        });
      }
    }
  });
  const document = {
    info: {
      description: context.project.name,
      version: '1.0',
      year: new Date().getUTCFullYear(),
      date_created: new Date().toISOString(),
    },
    licenses: [],
    images: rows.map((row, index) => ({
      id: index + 1,
      file_name: row.fileName,
      width: row.item.image.width,
      height: row.item.image.height,
      hitdesk_item_id: row.itemId,
      external_id: row.externalId,
      hitdesk_classes: row.answer.classes ?? [],
    })),
    categories: config.labels.map((label, index) => ({ id: index + 1, name: label.code, supercategory: '' })),
    annotations,
  };
  return Buffer.from(JSON.stringify(document, null, 2), 'utf8');
}

function shoelace(points: ReadonlyArray<readonly [number, number]>): number {
  let sum = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x1, y1] = points[i] as readonly [number, number];
    const [x2, y2] = points[(i + 1) % points.length] as readonly [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

const f6 = (value: number) => Math.min(1, Math.max(0, value)).toFixed(6);

/**
 * YOLO (zip): `labels/<image>.txt` with one line per shape, class index from 0 and coordinates
 * normalised to 0..1 — `class cx cy w h` for boxes, `class x1 y1 x2 y2 …` for polygons (YOLO
 * segmentation); points have no YOLO form and are left out. `data.yaml` and `classes.txt` name the classes.
 */
export function toYolo(context: ExportContext): Buffer {
  const config = context.project.config as ImageConfig;
  const index = new Map(config.labels.map((label, i) => [label.code, i]));
  const entries: ZipEntry[] = [];
  for (const row of imageRows(context)) {
    const { width, height } = row.item.image;
    const lines: string[] = [];
    for (const shape of row.answer.shapes ?? []) {
      const cls = index.get(shape.label);
      if (cls === undefined) continue;
      if (shape.type === 'box') {
        lines.push(
          `${cls} ${f6((shape.x + shape.width / 2) / width)} ${f6((shape.y + shape.height / 2) / height)} ${f6(shape.width / width)} ${f6(shape.height / height)}`,
        );
      } else if (shape.type === 'polygon') {
        lines.push(`${cls} ${shape.points.map(([x, y]) => `${f6(x / width)} ${f6(y / height)}`).join(' ')}`);
      }
    }
    entries.push({
      name: `labels/${stemOf(row.fileName)}.txt`,
      data: lines.length > 0 ? `${lines.join('\n')}\n` : '',
    });
  }
  const names = config.labels.map((label) => label.code);
  entries.push({ name: 'classes.txt', data: `${names.join('\n')}\n` });
  entries.push({
    name: 'data.yaml',
    data: `# ${context.project.name}: put the images under images/ with the same relative names\npath: .\ntrain: images\nval: images\nnc: ${names.length}\nnames: [${names.map((name) => `'${name}'`).join(', ')}]\n`,
  });
  return writeZip(entries);
}

/**
 * Pascal VOC (zip): `Annotations/<image>.xml` per image, one <object> per box or polygon (a polygon
 * by its bounding box, its points in a <polygon> element); points are left out. Boolean attributes
 * `truncated`, `difficult` and `occluded` are carried over when the project defines them.
 */
export function toVoc(context: ExportContext): Buffer {
  const entries: ZipEntry[] = imageRows(context).map((row) => {
    const { width, height } = row.item.image;
    const objects = (row.answer.shapes ?? [])
      .filter((shape) => shape.type !== 'point')
      .map((shape) => {
        const box = boxOf(shape);
        const flag = (code: string) => (shape.attributes?.[code] === true ? 1 : 0);
        const polygon =
          shape.type === 'polygon'
            ? `\n    <polygon>${shape.points.map(([x, y], i) => `<x${i + 1}>${r2(x)}</x${i + 1}><y${i + 1}>${r2(y)}</y${i + 1}>`).join('')}</polygon>`
            : '';
        return `  <object>
    <name>${escapeXml(shape.label)}</name>
    <pose>Unspecified</pose>
    <truncated>${flag('truncated')}</truncated>
    <occluded>${flag('occluded')}</occluded>
    <difficult>${flag('difficult')}</difficult>
    <bndbox>
      <xmin>${r2(box.x)}</xmin>
      <ymin>${r2(box.y)}</ymin>
      <xmax>${r2(box.x + box.width)}</xmax>
      <ymax>${r2(box.y + box.height)}</ymax>
    </bndbox>${polygon}
  </object>`;
      });
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<annotation>
  <folder>images</folder>
  <filename>${escapeXml(row.fileName.split('/').at(-1) ?? row.fileName)}</filename>
  <path>${escapeXml(row.fileName)}</path>
  <source><database>${escapeXml(context.project.name)}</database></source>
  <size>
    <width>${width}</width>
    <height>${height}</height>
    <depth>3</depth>
  </size>
  <segmented>0</segmented>
${objects.join('\n')}
</annotation>
`;
    return { name: `Annotations/${stemOf(row.fileName)}.xml`, data: xml };
  });
  return writeZip(entries);
}
