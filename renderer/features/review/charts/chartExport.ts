// Exports a drawn chart as a file that looks right on its own. The page styles the chart through
// CSS variables and classes, which a standalone SVG (or the image a PNG is drawn from) would not
// see, so every element's computed paint and type are copied onto it as attributes first.
import { downloadBlob } from '../../../lib/downloadBlob';
import { chartFileName, standaloneSvg, type LegendEntry } from './standaloneSvg';

/** What decides how an SVG element looks; copied from the computed style of each element. */
const PAINT = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity'];
const TYPE = ['font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'];

/** Paint and type properties are inherited in SVG, except opacity. */
const NOT_INHERITED = new Set(['opacity']);

/**
 * Writes each element's computed paint (and, on text, type) as attributes. An inherited value the
 * parent already carries is left out, which keeps the file small, except where the element had
 * its own attribute: that one may hold a var() the file would not understand, so it is replaced.
 */
function inlineComputedStyle(source: Element, target: Element, inherited: ReadonlyMap<string, string>): void {
  const style = getComputedStyle(source);
  const isText = source instanceof SVGTextElement || source instanceof SVGTSpanElement;
  const own = new Map(inherited);
  for (const property of isText ? [...PAINT, ...TYPE] : PAINT) {
    const value = style.getPropertyValue(property);
    own.set(property, value);
    const redundant = !NOT_INHERITED.has(property) && inherited.get(property) === value;
    const initial = (property === 'stroke-dasharray' && value === 'none') || (property === 'opacity' && value === '1');
    if (value && ((!redundant && !initial) || target.hasAttribute(property))) target.setAttribute(property, value);
  }
  // No style or class in the file: the attributes say everything, and nothing depends on app CSS.
  target.removeAttribute('style');
  target.removeAttribute('class');
  const sourceChildren = [...source.children];
  const targetChildren = [...target.children];
  sourceChildren.forEach((child, index) => {
    const copy = targetChildren[index];
    if (!copy) return;
    if (getComputedStyle(child).display === 'none') copy.remove();
    else inlineComputedStyle(child, copy, own);
  });
}

/** Legend entries as the page shows them: `[data-legend-entry]` elements with a `[data-swatch]`. */
function readLegend(card: Element): LegendEntry[] {
  return [...card.querySelectorAll('[data-legend-entry]')].map((entry) => {
    const swatch = entry.querySelector('[data-swatch]');
    return { label: entry.textContent?.trim() ?? '', colour: swatch ? getComputedStyle(swatch).backgroundColor : 'currentColor' };
  });
}

/** The chart in `card` (its first `svg.recharts-surface`) as a standalone SVG document. */
export function chartSvg(card: HTMLElement, title: string): string {
  const svg = card.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('The chart has not been drawn yet.');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyle(svg, copy, new Map());
  const box = svg.getBoundingClientRect();
  const serializer = new XMLSerializer();
  const body = [...copy.childNodes].map((node) => serializer.serializeToString(node)).join('');
  const cardStyle = getComputedStyle(card);
  const muted = getComputedStyle(card.querySelector('.chart-card__caption') ?? card).color;
  return standaloneSvg({
    title,
    legend: readLegend(card),
    body,
    width: box.width,
    height: box.height,
    background: cardStyle.backgroundColor,
    text: cardStyle.color,
    muted,
    fontFamily: cardStyle.fontFamily,
  });
}

/** Draws the SVG onto a canvas at `scale`× (crisp on high-density screens and in documents). */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const image = new Image();
  // A data: URL: the CSP allows it for images, and it never taints the canvas.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(image.naturalWidth * scale);
  canvas.height = Math.ceil(image.naturalHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw images.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be turned into a PNG.'))), 'image/png'));
}

export async function exportChart(card: HTMLElement, title: string, format: 'svg' | 'png'): Promise<void> {
  const svg = chartSvg(card, title);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg);
  downloadBlob(blob, chartFileName(title, format));
}
