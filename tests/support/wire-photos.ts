import sharp from "sharp";

/** A JPEG segment: marker, two-byte length (counting itself), payload. */
function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** An IIM dataset: 0x1C, record, dataset, two-byte length, value. */
function dataset(record: number, number: number, value: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, number, value.length >> 8, value.length & 0xff]);
  return Buffer.concat([head, value]);
}

export interface PhotoWordsToEmbed {
  xmp?: string;
  iim?: { caption?: string; credit?: string; byline?: string; copyright?: string };
}

/** An XMP packet as cameras and agencies' tools write it, with alt text, caption and credit where given. */
export function xmpPacket(words: { alt?: string; caption?: string; credit?: string }): string {
  const alt = (name: string, text: string | undefined) =>
    text === undefined ? "" : `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${text}</rdf:li></rdf:Alt></${name}>`;
  return (
    `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ` +
    `xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"` +
    (words.credit === undefined ? "" : ` photoshop:Credit="${words.credit}"`) +
    `>${alt("dc:description", words.caption)}${alt("Iptc4xmpCore:AltTextAccessibility", words.alt)}` +
    `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/** A JPEG of the given size with XMP and IPTC-IIM blocks embedded, as an agency delivers a picture. */
export async function wirePhoto(width: number, height: number, embed: PhotoWordsToEmbed = {}): Promise<Buffer> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: { r: 90, g: 110, b: 130 } } }).jpeg().toBuffer();
  const segments: Buffer[] = [];
  if (embed.xmp !== undefined) {
    segments.push(segment(0xe1, Buffer.concat([Buffer.from("http://ns.adobe.com/xap/1.0/\0"), Buffer.from(embed.xmp)])));
  }
  if (embed.iim !== undefined) {
    const data = Buffer.concat([
      dataset(1, 90, Buffer.from("\u001b%G", "latin1")),
      ...(embed.iim.caption === undefined ? [] : [dataset(2, 120, Buffer.from(embed.iim.caption))]),
      ...(embed.iim.credit === undefined ? [] : [dataset(2, 110, Buffer.from(embed.iim.credit))]),
      ...(embed.iim.byline === undefined ? [] : [dataset(2, 80, Buffer.from(embed.iim.byline))]),
      ...(embed.iim.copyright === undefined ? [] : [dataset(2, 116, Buffer.from(embed.iim.copyright))]),
    ]);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(data.length);
    const resource = Buffer.concat([Buffer.from("8BIM"), Buffer.from([0x04, 0x04, 0, 0]), size, data, Buffer.alloc(data.length % 2)]);
    segments.push(segment(0xed, Buffer.concat([Buffer.from("Photoshop 3.0\0"), resource])));
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}
