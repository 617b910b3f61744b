import { jpegName, maxEvidenceBytes, prepareEvidence, targetSize, type ImageCodec } from './downsize';

describe('targetSize', () => {
  it('brings the long side down to 1600 px and keeps the proportions', () => {
    expect(targetSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(targetSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(targetSize(4032, 1000)).toEqual({ width: 1600, height: 397 });
  });
  it('never enlarges a small photo', () => expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 }));
  it('keeps at least one pixel', () => expect(targetSize(100_000, 10)).toEqual({ width: 1600, height: 1 }));
});

function codec(width: number, height: number, encodedBytes: number) {
  const calls: { width: number; height: number; quality: number }[] = [];
  const fake: ImageCodec = {
    decode: async () => ({ width, height, source: {} as CanvasImageSource }),
    encodeJpeg: async (_s, w, h, quality) => {
      calls.push({ width: w, height: h, quality });
      return new Blob([new Uint8Array(encodedBytes)], { type: 'image/jpeg' });
    },
  };
  return { fake, calls };
}

const file = (name: string, type: string, bytes: number) => new File([new Uint8Array(bytes)], name, { type });

describe('prepareEvidence', () => {
  it('downsizes a large photo to JPEG at quality 0.8 and renames it', async () => {
    const { fake, calls } = codec(4000, 3000, 300_000);
    const result = await prepareEvidence(file('acta.png', 'image/png', 6_000_000), fake);
    expect(calls).toEqual([{ width: 1600, height: 1200, quality: 0.8 }]);
    expect(result).toMatchObject({ ok: true, fileName: 'acta.jpg', contentType: 'image/jpeg' });
  });
  it('keeps a small photo as it is', async () => {
    const { fake, calls } = codec(800, 600, 1);
    const original = file('lista.jpg', 'image/jpeg', 120_000);
    const result = await prepareEvidence(original, fake);
    expect(calls).toEqual([]);
    expect(result).toEqual({ ok: true, file: original, fileName: 'lista.jpg', contentType: 'image/jpeg' });
  });
  it('sends a PDF as it is, and refuses one above 5 MB', async () => {
    const { fake, calls } = codec(1, 1, 1);
    expect(await prepareEvidence(file('acta.pdf', 'application/pdf', 1000), fake)).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(await prepareEvidence(file('big.pdf', 'application/pdf', maxEvidenceBytes + 1), fake)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(calls).toEqual([]);
  });
  it('refuses a photo still above 5 MB after downsizing', async () => {
    const { fake } = codec(4000, 3000, maxEvidenceBytes + 1);
    expect(await prepareEvidence(file('x.jpg', 'image/jpeg', 9_000_000), fake)).toEqual({ ok: false, problem: 'tooLarge' });
  });
  it('refuses other types and unreadable images', async () => {
    const { fake } = codec(1, 1, 1);
    expect(await prepareEvidence(file('x.gif', 'image/gif', 10), fake)).toEqual({ ok: false, problem: 'type' });
    const broken: ImageCodec = { ...fake, decode: () => Promise.reject(new Error('bad')) };
    expect(await prepareEvidence(file('x.jpg', 'image/jpeg', 10), broken)).toEqual({ ok: false, problem: 'unreadable' });
  });
  it('names the JPEG after the original', () => {
    expect(jpegName('foto.acta.PNG')).toBe('foto.acta.jpg');
    expect(jpegName('sin-extension')).toBe('sin-extension.jpg');
  });
});
