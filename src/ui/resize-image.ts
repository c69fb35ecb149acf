/**
 * Photos are shrunk on the phone before they are stored or sent: the long side to about
 * 1600 px, as JPEG. A 12-megapixel camera photo (4-6 MB) becomes about 250-450 KB, still
 * sharp enough to read a signed attendance sheet.
 */
export const PHOTO_LONG_SIDE = 1600;
export const PHOTO_QUALITY = 0.82;

export class NotAnImageError extends Error {}

export function scaledSize(width: number, height: number, longSide = PHOTO_LONG_SIDE) {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

export async function resizeImage(
  file: Blob,
  longSide = PHOTO_LONG_SIDE,
  quality = PHOTO_QUALITY,
): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    // EXIF orientation is applied, so a portrait photo stays upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new NotAnImageError('The file is not an image this browser can read');
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height, longSide);
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('No 2D canvas');
      context.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))),
        'image/jpeg',
        quality,
      ),
    );
  } finally {
    bitmap.close();
  }
}
