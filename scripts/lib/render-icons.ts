/**
 * Renders the toolbar and store icon (assets/icon.svg) to PNG at every size
 * the stores ask for. Run by the build (wxt.config.ts), so the SVG in the
 * repository is the only source. resvg: a maintained SVG renderer with no
 * browser and no system libraries.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;
export const ICON_SVG = resolve(import.meta.dirname, '../../assets/icon.svg');

/** The icon at `size` px: PNG bytes, and the RGBA pixels (for checks). */
export function renderIcon(size: number): { png: Buffer; pixels: Uint8Array } {
  const image = new Resvg(readFileSync(ICON_SVG, 'utf8'), { fitTo: { mode: 'width', value: size } }).render();
  return { png: image.asPng(), pixels: image.pixels };
}

/** Writes `icon/<size>.png` under `dir`; returns the files written. */
export function renderIcons(dir: string): { size: number; path: string }[] {
  mkdirSync(join(dir, 'icon'), { recursive: true });
  return ICON_SIZES.map((size) => {
    const path = join(dir, 'icon', `${size}.png`);
    writeFileSync(path, renderIcon(size).png);
    return { size, path };
  });
}
