#!/bin/sh
# Regenerates the demo's media files (see README.md). Needs espeak-ng, sox and the repository's
# node_modules (jpeg-js, pngjs). Run from anywhere: sh resources/demo/make-media.sh
set -eu
demo=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$demo/../.." && pwd)
images=${HITDESK_SAMPLE_IMAGES:-/work/shared/media/images}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ── Speech: 16 kHz mono 16-bit, peak at -3 dBFS, a little silence around it ────────────────────────
say() { # voice, text, output
  espeak-ng -v "$1" -s 150 -w "$tmp/raw.wav" "$2"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$3" norm -3 pad 0.25 0.25
}

t="$demo/2-audio-transcription/media"
mkdir -p "$t"
say fr "Bonjour. Le marché de Lomé ouvre à sept heures du matin." "$t/market-fr.wav"
say en-us "Tomorrow will be sunny, with a little rain in the evening." "$t/weather-en.wav"
# A phone call: English, a burst of noise, French — to try the "speech" and "noise" labels.
say en-us "Hello, can you hear me?" "$tmp/hello.wav"
say fr "Oui, je vous entends très bien." "$tmp/oui.wav"
sox -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth 0.8 pinknoise vol 0.15
sox "$tmp/hello.wav" "$tmp/noise.wav" "$tmp/oui.wav" "$t/call-en-fr.wav"

v="$demo/3-audio-validation/media"
mkdir -p "$v"
say fr "Le train part à huit heures." "$v/train-fr.wav"
say en-us "Please close the door behind you." "$v/door-en.wav"
# Cut off: only the start of the sentence.
say fr "Il fait très chaud aujourd'hui à Moroni." "$tmp/chaud.wav"
sox "$tmp/chaud.wav" "$v/hot-fr-cut.wav" trim 0 1.3
# Noisy: the sentence under loud noise.
say en-us "The shop opens at nine o'clock." "$tmp/shop.wav"
sox -n -r 16000 -c 1 -b 16 "$tmp/hiss.wav" synth "$(soxi -D "$tmp/shop.wav")" whitenoise vol 0.35
sox -m "$tmp/shop.wav" "$tmp/hiss.wav" "$v/shop-en-noisy.wav" norm -3
say en-us "Where is the bus station?" "$v/bus-en.wav"

# ── Photos: the free-licence samples, re-encoded as JPEG (quality 80) to keep the demo small ──────
p="$demo/1-image-annotation/media"
mkdir -p "$p"
cd "$repo"
node --input-type=module - "$images" "$p" <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
const [from, to] = process.argv.slice(2);
for (const name of ['chelsea', 'coffee', 'astronaut']) {
  const png = PNG.sync.read(readFileSync(join(from, `${name}.png`)));
  const out = jpeg.encode({ data: png.data, width: png.width, height: png.height }, 80);
  writeFileSync(join(to, `${name}.jpg`), out.data);
}
EOF
cp "$images/rocket.jpg" "$p/rocket.jpg"
# The instructions' example: the cat with a box around the animal and a point on each eye.
mkdir -p "$demo/1-image-annotation/examples"
node --input-type=module - "$p/chelsea.jpg" "$demo/1-image-annotation/examples/cat-example.jpg" <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
const [from, to] = process.argv.slice(2);
const image = jpeg.decode(readFileSync(from), { useTArray: true });
const paint = (x, y, [r, g, b]) => {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  image.data.set([r, g, b, 255], (y * image.width + x) * 4);
};
const red = [230, 25, 75];
const yellow = [255, 225, 25];
for (let t = 0; t < 3; t += 1) {
  for (let x = 6; x <= 398; x += 1) [paint(x, 4 + t, red), paint(x, 296 - t, red)];
  for (let y = 4; y <= 296; y += 1) [paint(6 + t, y, red), paint(398 - t, y, red)];
}
for (const [cx, cy] of [[170, 115], [318, 137]])
  for (let y = -6; y <= 6; y += 1)
    for (let x = -6; x <= 6; x += 1) if (x * x + y * y <= 36) paint(cx + x, cy + y, yellow);
writeFileSync(to, jpeg.encode(image, 85).data);
EOF

# ── The receipt of the data-entry form (rendered for the form tests; see test/fixtures/forms) ─────
r="$demo/6-form-receipts/media"
mkdir -p "$r"
cp "$repo/test/fixtures/forms/receipt.png" "$r/receipt.png"
