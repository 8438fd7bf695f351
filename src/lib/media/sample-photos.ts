import sharp from "sharp";

/**
 * Stand-ins for agency photos, drawn from a seed so every run converts the same pixels, under a
 * camera's grain. Flat test images encode many times faster than photos do, so conversion
 * settings are judged on these. A landscape has shapes at every scale (sky, buildings,
 * foliage-like texture); the news scenes are what a wire desk publishes most, each hard for an
 * encoder in its own way: a portrait (skin's soft gradients, eyes, strands of hair), a crowd
 * (hundreds of small figures), a sign (sharp lettering down to small print) and a street at night
 * (dark, point lights, heavy grain).
 */
export type SampleScene = "landscape" | "portrait" | "crowd" | "sign" | "night";

export interface SamplePhoto {
  name: string;
  scene?: SampleScene;
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

/** The news scenes at a size agencies send (a 2,400 px wide photo is common; 1,600 keeps the bench short), at the grain such a shot has. */
export const NEWS_PHOTOS: readonly SamplePhoto[] = [
  { name: "portrait", scene: "portrait", width: 1600, height: 1067, grain: 4, seed: 21 },
  { name: "crowd", scene: "crowd", width: 1600, height: 1067, grain: 6, seed: 22 },
  { name: "sign", scene: "sign", width: 1600, height: 1067, grain: 3, seed: 23 },
  { name: "night", scene: "night", width: 1600, height: 1067, grain: 12, seed: 24 },
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

const gaussianSource = (random: () => number) => (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** The photo as a camera would hand it over: a JPEG at quality 90. */
export async function makeSamplePhoto(sample: SamplePhoto): Promise<Buffer> {
  const { width, height } = sample;
  const pixels = (sample.scene ?? "landscape") === "landscape" ? await landscape(sample) : await drawnScene(sample);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** A landscape's RGB pixels: light and colour at several scales, hard-edged blocks, grain. */
async function landscape({ width, height, grain, seed }: SamplePhoto): Promise<Buffer> {
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
  const gaussian = gaussianSource(random);

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
  return pixels;
}

/** A news scene's RGB pixels: drawn as SVG, rendered by sharp, then given a surface's fine texture and the camera's grain. */
async function drawnScene({ scene, width, height, grain, seed }: SamplePhoto): Promise<Buffer> {
  const random = randomSource(seed);
  const draw = { portrait, crowd, sign, night, landscape: undefined }[scene ?? "landscape"];
  if (draw === undefined) throw new Error(`no drawing for the scene "${scene}"`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${draw(random, width, height)}</svg>`;
  const drawn = await sharp(Buffer.from(svg)).flatten({ background: "#000000" }).removeAlpha().raw().toBuffer();
  // Lens and surfaces are never perfectly smooth: faint texture at two fine scales.
  const textures = await Promise.all([64, 256].map((cells) => smoothNoise(random, cells, width, height)));
  const gaussian = gaussianSource(random);
  const pixels = Buffer.alloc(width * height * 3);
  for (let at = 0; at < width * height; at++) {
    let texture = 0;
    for (const octave of textures) texture += ((octave[at] ?? 128) - 128) * 0.08;
    const luma = texture + gaussian() * grain;
    for (let channel = 0; channel < 3; channel++) {
      pixels[at * 3 + channel] = clampByte((drawn[at * 3 + channel] ?? 0) + luma + gaussian() * grain * 0.3);
    }
  }
  return pixels;
}

type Random = () => number;
const between = (random: Random, low: number, high: number): number => low + random() * (high - low);
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const hsl = (hue: number, saturation: number, lightness: number) => `hsl(${hue.toFixed(0)} ${saturation.toFixed(0)}% ${lightness.toFixed(0)}%)`;
const round = (value: number) => value.toFixed(1);

const SKIN_TONES = [
  ["#f3d2bd", "#c99479"],
  ["#e0ac84", "#a8714c"],
  ["#c68b62", "#8a5637"],
  ["#8d5a3b", "#4f2f1d"],
] as const;

/** A head-and-shoulders portrait before a blurred background: skin gradients, eyes, strands of hair, a jacket. */
function portrait(random: Random, width: number, height: number): string {
  const [skinLight, skinDark] = pick(random, SKIN_TONES);
  const hairHue = between(random, 15, 40);
  const hair = hsl(hairHue, 40, between(random, 8, 30));
  const cx = width * between(random, 0.42, 0.58);
  const cy = height * 0.42;
  const rx = width * 0.11;
  const ry = height * 0.24;
  const bokeh = Array.from({ length: 40 }, () => {
    const hue = between(random, 0, 360);
    return `<circle cx="${round(random() * width)}" cy="${round(random() * height)}" r="${round(between(random, 0.02, 0.09) * width)}" fill="${hsl(hue, 40, between(random, 30, 75))}" opacity="0.5"/>`;
  }).join("");
  const strands = Array.from({ length: 500 }, () => {
    const angle = between(random, -Math.PI * 0.95, -Math.PI * 0.05);
    const startX = cx + Math.cos(angle) * rx * 0.9;
    const startY = cy - ry * 0.35 + Math.sin(angle) * ry * 0.75;
    const endX = cx + Math.sign(Math.cos(angle)) * rx * between(random, 1.0, 1.3);
    const endY = cy + between(random, -0.2, 0.55) * ry;
    const bend = between(random, -0.2, 0.2) * rx;
    return `<path d="M${round(startX)} ${round(startY)} Q${round((startX + endX) / 2 + bend)} ${round(startY)} ${round(endX)} ${round(endY)}" stroke="${hsl(hairHue, 40, between(random, 5, 45))}" stroke-width="${round(between(random, 0.8, 2.2))}" fill="none"/>`;
  }).join("");
  const iris = hsl(between(random, 20, 220), 45, between(random, 20, 45));
  const eye = (side: -1 | 1) => {
    const ex = cx + side * rx * 0.42;
    const ey = cy - ry * 0.08;
    return (
      `<ellipse cx="${round(ex)}" cy="${round(ey)}" rx="${round(rx * 0.2)}" ry="${round(ry * 0.055)}" fill="#f1ece6"/>` +
      `<circle cx="${round(ex)}" cy="${round(ey)}" r="${round(ry * 0.05)}" fill="${iris}"/>` +
      `<circle cx="${round(ex)}" cy="${round(ey)}" r="${round(ry * 0.022)}" fill="#0b0b0b"/>` +
      `<circle cx="${round(ex + rx * 0.04)}" cy="${round(ey - ry * 0.02)}" r="${round(ry * 0.01)}" fill="#ffffff"/>` +
      `<path d="M${round(ex - rx * 0.22)} ${round(ey)} Q${round(ex)} ${round(ey - ry * 0.09)} ${round(ex + rx * 0.22)} ${round(ey)}" stroke="#3a2a22" stroke-width="3" fill="none"/>` +
      `<path d="M${round(ex - rx * 0.25)} ${round(ey - ry * 0.14)} Q${round(ex)} ${round(ey - ry * 0.22)} ${round(ex + rx * 0.25)} ${round(ey - ry * 0.15)}" stroke="${hair}" stroke-width="${round(ry * 0.03)}" fill="none" stroke-linecap="round"/>`
    );
  };
  const jacket = hsl(between(random, 190, 250), 30, between(random, 12, 30));
  return (
    `<defs><radialGradient id="skin" cx="40%" cy="35%" r="70%"><stop offset="0" stop-color="${skinLight}"/><stop offset="1" stop-color="${skinDark}"/></radialGradient>` +
    `<linearGradient id="wall" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(between(random, 0, 360), 20, 55)}"/><stop offset="1" stop-color="${hsl(between(random, 0, 360), 25, 25)}"/></linearGradient>` +
    `<filter id="far"><feGaussianBlur stdDeviation="${round(width / 60)}"/></filter><filter id="soft"><feGaussianBlur stdDeviation="1.2"/></filter></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#wall)"/><g filter="url(#far)">${bokeh}</g>` +
    `<path d="M${round(cx - rx * 3.2)} ${height} C${round(cx - rx * 3)} ${round(height * 0.78)} ${round(cx - rx * 1.5)} ${round(height * 0.74)} ${round(cx)} ${round(height * 0.74)} S${round(cx + rx * 3)} ${round(height * 0.78)} ${round(cx + rx * 3.2)} ${height} Z" fill="${jacket}"/>` +
    `<path d="M${round(cx - rx * 0.6)} ${round(height * 0.74)} L${round(cx)} ${round(height * 0.95)} L${round(cx + rx * 0.6)} ${round(height * 0.74)} Z" fill="#f4f4f0"/>` +
    `<rect x="${round(cx - rx * 0.45)}" y="${round(cy + ry * 0.6)}" width="${round(rx * 0.9)}" height="${round(ry * 0.6)}" fill="${skinDark}"/>` +
    `<ellipse cx="${round(cx)}" cy="${round(cy - ry * 0.3)}" rx="${round(rx * 1.12)}" ry="${round(ry * 0.8)}" fill="${hair}"/>` +
    strands +
    `<g filter="url(#soft)"><ellipse cx="${round(cx)}" cy="${round(cy)}" rx="${round(rx)}" ry="${round(ry)}" fill="url(#skin)"/>` +
    `<path d="M${round(cx)} ${round(cy)} Q${round(cx - rx * 0.12)} ${round(cy + ry * 0.25)} ${round(cx + rx * 0.1)} ${round(cy + ry * 0.3)}" stroke="${skinDark}" stroke-width="4" fill="none"/>` +
    `<path d="M${round(cx - rx * 0.35)} ${round(cy + ry * 0.5)} Q${round(cx)} ${round(cy + ry * 0.62)} ${round(cx + rx * 0.35)} ${round(cy + ry * 0.5)} Q${round(cx)} ${round(cy + ry * 0.55)} ${round(cx - rx * 0.35)} ${round(cy + ry * 0.5)} Z" fill="#a4524a"/></g>` +
    eye(-1) +
    eye(1)
  );
}

/** A crowd at a rally: rows of small figures, smaller toward the back, before a building, a banner held up. */
function crowd(random: Random, width: number, height: number): string {
  const horizon = height * 0.32;
  const facade = Array.from({ length: 60 }, (_, index) => {
    const column = index % 15;
    const row = Math.floor(index / 15);
    return `<rect x="${round(width * (0.02 + column * 0.066))}" y="${round(height * (0.03 + row * 0.07))}" width="${round(width * 0.035)}" height="${round(height * 0.045)}" fill="${hsl(210, 15, between(random, 15, 45))}"/>`;
  }).join("");
  const figures: string[] = [];
  for (let index = 0; index < 700; index++) {
    const depth = index / 700; // back to front
    const y = horizon + depth * (height - horizon) * 1.05;
    const scale = 0.25 + depth * 0.9;
    const head = (width / 140) * scale;
    const x = random() * width;
    const [skin] = pick(random, SKIN_TONES);
    const coat = hsl(between(random, 0, 360), between(random, 10, 70), between(random, 15, 70));
    figures.push(
      `<rect x="${round(x - head * 1.4)}" y="${round(y - head * 0.6)}" width="${round(head * 2.8)}" height="${round(head * 6)}" rx="${round(head * 0.8)}" fill="${coat}"/>` +
        `<circle cx="${round(x)}" cy="${round(y - head * 1.6)}" r="${round(head)}" fill="${skin}"/>` +
        `<path d="M${round(x - head)} ${round(y - head * 1.9)} A${round(head)} ${round(head)} 0 0 1 ${round(x + head)} ${round(y - head * 1.9)} Z" fill="${hsl(25, 30, between(random, 5, 40))}"/>` +
        (random() < 0.08 ? `<line x1="${round(x + head)}" y1="${round(y)}" x2="${round(x + head * 2.2)}" y2="${round(y - head * 4)}" stroke="${coat}" stroke-width="${round(head * 0.7)}" stroke-linecap="round"/>` : ""),
    );
  }
  const bannerY = horizon + (height - horizon) * 0.45;
  return (
    `<rect width="${width}" height="${round(horizon + height * 0.05)}" fill="${hsl(30, 10, 62)}"/>${facade}` +
    `<rect y="${round(horizon)}" width="${width}" height="${round(height - horizon)}" fill="${hsl(0, 0, 35)}"/>` +
    figures.slice(0, 350).join("") +
    `<rect x="${round(width * 0.3)}" y="${round(bannerY - height * 0.09)}" width="${round(width * 0.36)}" height="${round(height * 0.08)}" fill="#f2efe6"/>` +
    `<text x="${round(width * 0.48)}" y="${round(bannerY - height * 0.033)}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${round(height * 0.055)}" fill="#b01818">FAIR PAY NOW</text>` +
    figures.slice(350).join("")
  );
}

/** A street sign on a brick wall: lettering from a headline's size down to small print. */
function sign(random: Random, width: number, height: number): string {
  const bricks: string[] = [];
  const brickWidth = width / 36;
  const brickHeight = height / 60;
  for (let row = 0; row < 60; row++) {
    const offset = row % 2 === 0 ? 0 : brickWidth / 2;
    for (let column = -1; column < 37; column++) {
      const colour = hsl(between(random, 5, 20), between(random, 35, 55), between(random, 28, 42));
      bricks.push(`<rect x="${round(column * brickWidth + offset + 1)}" y="${round(row * brickHeight + 1)}" width="${round(brickWidth - 2)}" height="${round(brickHeight - 2)}" fill="${colour}"/>`);
    }
  }
  const boardX = width * between(random, 0.12, 0.2);
  const boardY = height * between(random, 0.12, 0.2);
  const boardWidth = width * 0.62;
  const boardHeight = height * 0.5;
  const line = (text: string, at: number, size: number, weight = "normal") =>
    `<text x="${round(boardX + boardWidth * 0.06)}" y="${round(boardY + boardHeight * at)}" font-family="DejaVu Sans" font-weight="${weight}" font-size="${round(height * size)}" fill="#ffffff">${text}</text>`;
  const noParkingX = width * 0.86;
  const noParkingY = height * 0.3;
  const radius = height * 0.1;
  return (
    `<rect width="${width}" height="${height}" fill="#b9b2a6"/>${bricks.join("")}` +
    `<g transform="rotate(${round(between(random, -2, 2))} ${round(boardX + boardWidth / 2)} ${round(boardY + boardHeight / 2)})">` +
    `<rect x="${round(boardX)}" y="${round(boardY)}" width="${round(boardWidth)}" height="${round(boardHeight)}" rx="14" fill="#0c5a3c" stroke="#ffffff" stroke-width="8"/>` +
    line("Market Street", 0.22, 0.09, "bold") +
    line("Polling Station 14 &#8594;", 0.42, 0.055, "bold") +
    line("Open 7:00 to 22:00 on election day", 0.58, 0.035) +
    line("Bring your polling card and a photo ID. Step-free", 0.72, 0.024) +
    line("entrance on Hill Road; ask staff for a large-print ballot.", 0.8, 0.024) +
    line("Returning Officer, 12 Guild Hall Square, tel. 0161 496 0732", 0.92, 0.018) +
    `</g><circle cx="${round(noParkingX)}" cy="${round(noParkingY)}" r="${round(radius)}" fill="#1d4fa8" stroke="#c8102e" stroke-width="${round(radius * 0.22)}"/>` +
    `<line x1="${round(noParkingX - radius * 0.7)}" y1="${round(noParkingY - radius * 0.7)}" x2="${round(noParkingX + radius * 0.7)}" y2="${round(noParkingY + radius * 0.7)}" stroke="#c8102e" stroke-width="${round(radius * 0.22)}"/>` +
    `<text x="${round(noParkingX)}" y="${round(noParkingY + radius * 1.55)}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${round(height * 0.03)}" fill="#f5f5f5">8am to 6pm</text>`
  );
}

/** A street at night: dark buildings with lit windows, street lamps' glow, car lights and their reflections. */
function night(random: Random, width: number, height: number): string {
  const street = height * 0.68;
  const shapes: string[] = [];
  let x = 0;
  while (x < width) {
    const buildingWidth = width * between(random, 0.08, 0.18);
    const top = height * between(random, 0.08, 0.4);
    shapes.push(`<rect x="${round(x)}" y="${round(top)}" width="${round(buildingWidth)}" height="${round(street - top)}" fill="${hsl(230, 20, between(random, 4, 9))}"/>`);
    for (let wy = top + height * 0.02; wy < street - height * 0.04; wy += height * 0.04) {
      for (let wx = x + buildingWidth * 0.08; wx < x + buildingWidth * 0.9; wx += buildingWidth * 0.16) {
        if (random() < 0.3) {
          shapes.push(`<rect x="${round(wx)}" y="${round(wy)}" width="${round(buildingWidth * 0.08)}" height="${round(height * 0.022)}" fill="${hsl(between(random, 30, 50), 80, between(random, 45, 75))}"/>`);
        }
      }
    }
    x += buildingWidth;
  }
  const lights: string[] = [];
  for (let lamp = 0; lamp < 6; lamp++) {
    const lx = width * (0.08 + lamp * 0.17);
    const ly = height * 0.42;
    lights.push(
      `<rect x="${round(lx - 3)}" y="${round(ly)}" width="6" height="${round(street - ly + height * 0.05)}" fill="#101014"/>` +
        `<circle cx="${round(lx)}" cy="${round(ly)}" r="${round(height * 0.09)}" fill="url(#glow)"/>` +
        `<circle cx="${round(lx)}" cy="${round(ly)}" r="${round(height * 0.008)}" fill="#fff6da"/>`,
    );
  }
  for (let car = 0; car < 9; car++) {
    const cx = random() * width;
    const cy = street + height * between(random, 0.05, 0.25);
    const front = random() < 0.5;
    const colour = front ? "#fffbe8" : "#ff2a1a";
    const gap = height * 0.03 * (cy / height);
    for (const side of [-1, 1]) {
      lights.push(
        `<circle cx="${round(cx + side * gap)}" cy="${round(cy)}" r="${round(height * 0.025)}" fill="url(#${front ? "glow" : "red"})"/>` +
          `<circle cx="${round(cx + side * gap)}" cy="${round(cy)}" r="${round(height * 0.004)}" fill="${colour}"/>` +
          `<rect x="${round(cx + side * gap - 2)}" y="${round(cy + height * 0.01)}" width="4" height="${round(height * 0.12)}" fill="${colour}" opacity="0.25" filter="url(#wet)"/>`,
      );
    }
  }
  return (
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#03040a"/><stop offset="1" stop-color="#1b1a2c"/></linearGradient>` +
    `<radialGradient id="glow"><stop offset="0" stop-color="#ffdca0" stop-opacity="0.9"/><stop offset="0.25" stop-color="#ffb860" stop-opacity="0.35"/><stop offset="1" stop-color="#ff9930" stop-opacity="0"/></radialGradient>` +
    `<radialGradient id="red"><stop offset="0" stop-color="#ff4020" stop-opacity="0.8"/><stop offset="1" stop-color="#ff2000" stop-opacity="0"/></radialGradient>` +
    `<filter id="wet"><feGaussianBlur stdDeviation="4"/></filter></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>${shapes.join("")}` +
    `<rect y="${round(street)}" width="${width}" height="${round(height - street)}" fill="#0d0d12"/>${lights.join("")}`
  );
}
