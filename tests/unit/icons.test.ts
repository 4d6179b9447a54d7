/**
 * The icon (assets/icon.svg) rendered at every size the stores ask for, and
 * legible at 16 px on light and dark toolbars (issue 12): the tile stands out
 * from both toolbar colours and the glyph from the tile, by WCAG's contrast
 * ratio for graphics (3:1).
 */
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../scripts/lib/render-icons';

type Rgb = [number, number, number];
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const LIGHT_TOOLBAR: Rgb = [255, 255, 255];
const DARK_TOOLBAR: Rgb = [32, 33, 36];

/** The opaque colours of an icon, most frequent first. */
function colours(pixels: Uint8Array): { rgb: Rgb; count: number }[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] < 250) continue;
    const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => ({ rgb: key.split(',').map(Number) as Rgb, count }));
}

describe('the icon', () => {
  it('renders to a square PNG at 16, 32, 48 and 128 px', () => {
    expect(ICON_SIZES).toEqual([16, 32, 48, 128]);
    for (const size of ICON_SIZES) {
      const { png } = renderIcon(size);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('at 16 px: a tile that stands out on light and dark toolbars, and a glyph that stands out on the tile', () => {
    const [tile, glyph] = colours(renderIcon(16).pixels);
    expect(contrast(tile.rgb, LIGHT_TOOLBAR)).toBeGreaterThanOrEqual(3);
    expect(contrast(tile.rgb, DARK_TOOLBAR)).toBeGreaterThanOrEqual(3);
    expect(contrast(glyph.rgb, tile.rgb)).toBeGreaterThanOrEqual(3);
    // The glyph is a real part of the picture, not a stray pixel.
    expect(glyph.count).toBeGreaterThanOrEqual(16);
  });
});
