// Renders the app icons in public/ from public/icon.svg (and the full-bleed public/icon-maskable.svg,
// whose mark sits inside the safe zone Android may crop to a circle) with sharp, which Next.js
// already installs for its image optimisation. Run after changing an SVG:
//   npx tsx scripts/generate-icons.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const PUBLIC = path.resolve(import.meta.dirname, "../public");
const svg = (name: string) => readFileSync(path.join(PUBLIC, name));

async function png(source: Buffer, size: number): Promise<Buffer> {
  // A density high enough that the 24-unit SVG is drawn at the target size, not scaled up.
  return sharp(source, { density: Math.ceil((72 * size) / 24) }).resize(size, size).png().toBuffer();
}

/** An .ico holding one PNG image (allowed since Windows Vista; every current browser reads it). */
function ico(image: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 means 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18); // the image follows the header
  return Buffer.concat([header, image]);
}

async function main() {
  const icon = svg("icon.svg");
  const maskable = svg("icon-maskable.svg");
  const outputs: Array<[string, Buffer]> = [
    ["icon-192.png", await png(icon, 192)],
    ["icon-512.png", await png(icon, 512)],
    ["icon-maskable-512.png", await png(maskable, 512)],
    // iOS rounds the corners itself and shows transparency as black: the full-bleed square.
    ["apple-touch-icon.png", await png(maskable, 180)],
    ["favicon.ico", ico(await png(icon, 48), 48)],
  ];
  for (const [name, data] of outputs) {
    writeFileSync(path.join(PUBLIC, name), data);
    console.log(`public/${name}: ${data.length} bytes`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
