import sharp from "sharp";

/**
 * Stand-ins for agency photos, drawn from a seed so every run converts the same pixels: shapes at
 * every scale (sky, buildings, foliage-like texture) under a camera's grain. Flat test images
 * encode many times faster than photos do, so conversion settings are judged on these.
 */
export interface SamplePhoto {
  name: string;
  width: number;
  height: number;
  /** Standard deviation of the sensor grain, in 8-bit levels: about 3 at ISO 100, 12 at ISO 3200. */
  grain: number;
  seed: number;
}

export const SAMPLE_PHOTOS: readonly SamplePhoto[] = [
  { name: "1600x1067, light grain", width: 1600, height: 1067, grain: 3, seed: 1 },
  { name: "1600x1067, heavy grain", width: 1600, height: 1067, grain: 12, seed: 2 },
  { name: "3000x2000, moderate grain", width: 3000, height: 2000, grain: 6, seed: 3 },
];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One channel of smooth noise: a coarse random grid enlarged with a cubic kernel. */
async function smoothNoise(random: () => number, cells: number, width: number, height: number): Promise<Buffer> {
  const gridWidth = cells;
  const gridHeight = Math.max(2, Math.round((cells * height) / width));
  const grid = Buffer.alloc(gridWidth * gridHeight);
  for (let index = 0; index < grid.length; index++) grid[index] = Math.floor(random() * 256);
  return sharp(grid, { raw: { width: gridWidth, height: gridHeight, channels: 1 } })
    .resize({ width, height, fit: "fill", kernel: "cubic" })
    .extractChannel(0) // sharp would hand back three channels for a one-channel input
    .raw()
    .toBuffer();
}

const clampByte = (value: number): number => (value < 0 ? 0 : value > 255 ? 255 : value);

/** The photo as a camera would hand it over: a JPEG at quality 90. */
export async function makeSamplePhoto({ width, height, grain, seed }: SamplePhoto): Promise<Buffer> {
  const random = randomSource(seed);
  // Octaves from broad light to fine texture, each half as strong as the one before.
  const octaves = await Promise.all([4, 16, 64, 256].map((cells) => smoothNoise(random, cells, width, height)));
  const tint = await smoothNoise(random, 8, width, height);
  const buildings = Array.from({ length: 14 }, () => ({
    left: random() * width,
    right: random() * width,
    top: height * (0.3 + random() * 0.4),
    colour: [60 + random() * 150, 60 + random() * 150, 60 + random() * 150] as const,
  }));
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sky = y / height;
    for (let x = 0; x < width; x++) {
      const at = y * width + x;
      let light = 0;
      let weight = 1;
      for (const octave of octaves) {
        light += ((octave[at] ?? 128) - 128) * weight;
        weight /= 2;
      }
      let rgb: readonly number[] = [110 + 90 * (1 - sky), 140 + 60 * (1 - sky), 200 - 40 * sky];
      for (const building of buildings) {
        if (y > building.top && x > Math.min(building.left, building.right) && x < Math.max(building.left, building.right)) {
          rgb = building.colour;
        }
      }
      const warmth = ((tint[at] ?? 128) - 128) / 4;
      const luma = light * 0.6 + gaussian() * grain;
      pixels[at * 3] = clampByte(rgb[0]! + luma + warmth + gaussian() * grain * 0.3);
      pixels[at * 3 + 1] = clampByte(rgb[1]! + luma + gaussian() * grain * 0.3);
      pixels[at * 3 + 2] = clampByte(rgb[2]! + luma - warmth + gaussian() * grain * 0.3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}
