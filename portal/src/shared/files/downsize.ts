/**
 * Evidence files (photos of a founding act, attendance lists) as the Networks service takes them: JPEG, PNG or PDF,
 * at most 5 MB. Photos are downsized here, in the browser, before they travel over a slow rural link.
 */
export const evidenceTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

/** The server's limit (413 above it). */
export const maxEvidenceBytes = 5 * 1024 * 1024;
/** The long side a photo is brought down to. */
export const maxLongSide = 1600;
export const jpegQuality = 0.8;

/** What the file input accepts. */
export const evidenceAccept = evidenceTypes.join(',');

/**
 * The size a photo is drawn at: the long side at most `limit`, proportions kept, never enlarged, whole pixels
 * (at least 1).
 */
export function targetSize(width: number, height: number, limit = maxLongSide): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= limit) return { width, height };
  const scale = limit / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The seam between the pure rules and the browser's canvas: draws a bitmap at a size and encodes it as JPEG. */
export interface ImageCodec {
  decode(file: Blob): Promise<{ width: number; height: number; source: CanvasImageSource; close?: () => void }>;
  encodeJpeg(source: CanvasImageSource, width: number, height: number, quality: number): Promise<Blob>;
}

export const canvasCodec: ImageCodec = {
  async decode(file) {
    const bitmap = await createImageBitmap(file);
    return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() };
  },
  async encodeJpeg(source, width, height, quality) {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.drawImage(source, 0, 0, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(source, 0, 0, width, height);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', quality),
    );
  },
};

export type PreparedFile =
  | { ok: true; file: Blob; fileName: string; contentType: EvidenceType }
  | { ok: false; problem: 'type' | 'tooLarge' | 'unreadable' };

/**
 * A chosen file made ready to upload: a photo downsized to JPEG (its name then ends in .jpg; a PNG is kept as PNG
 * when re-encoding would not help, i.e. it is already small enough), a PDF as it is; refused when of another type
 * or still above the limit.
 */
export async function prepareEvidence(file: File, codec: ImageCodec = canvasCodec): Promise<PreparedFile> {
  const type = evidenceTypes.find((t) => t === file.type);
  if (!type) return { ok: false, problem: 'type' };
  if (type === 'application/pdf') {
    return file.size > maxEvidenceBytes ? { ok: false, problem: 'tooLarge' } : { ok: true, file, fileName: file.name, contentType: type };
  }
  let image;
  try {
    image = await codec.decode(file);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  try {
    const size = targetSize(image.width, image.height);
    const unchanged = size.width === image.width && size.height === image.height;
    if (unchanged && file.size <= maxEvidenceBytes) return { ok: true, file, fileName: file.name, contentType: type };
    const jpeg = await codec.encodeJpeg(image.source, size.width, size.height, jpegQuality);
    if (jpeg.size > maxEvidenceBytes) return { ok: false, problem: 'tooLarge' };
    return { ok: true, file: jpeg, fileName: jpegName(file.name), contentType: 'image/jpeg' };
  } catch {
    return { ok: false, problem: 'unreadable' };
  } finally {
    image.close?.();
  }
}

export function jpegName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`;
}
