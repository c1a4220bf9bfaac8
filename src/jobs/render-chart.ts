import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

// The font ships with the app (an npm dependency): the server may have none, and output must not
// depend on what it has.
const fontFile = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** SVG to PNG, server-side. */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}
