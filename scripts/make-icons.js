#!/usr/bin/env node
/*
 * Draws the add-in's icons into assets/ (node scripts/make-icons.js).
 *
 *   icon-{16,20,32,64,80,128}.png      product mark: deep-teal rounded square,
 *                                      three rising white bars, white check
 *                                      badge (group, "Show pane" button,
 *                                      IconUrl/HighResolutionIconUrl)
 *   validate-{...}.png                 "Validate": teal disc with a white check
 *   compute-{...}.png                  "Compute scores": teal sigma, amber bars
 *   logo-filled.png                    80 px product mark for the pane header
 *
 * Plain Node + pngjs, no randomness, no fonts: every shape is a signed
 * distance function evaluated at 4x4 sub-samples per pixel, so edges are
 * anti-aliased and everything outside the shapes is fully transparent. The
 * same input always gives the same pixels; the test in test/manifest checks
 * that every size the manifest declares exists at that size.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

const SIZES = [16, 20, 32, 64, 80, 128];
const OUT = path.join(__dirname, '..', 'assets');

// Palette (sRGB). Deep teal/blue, readable on both light and dark ribbons.
const TEAL_TOP = [0x12, 0x7f, 0x8f];
const TEAL_BOTTOM = [0x0a, 0x4a, 0x63];
const TEAL = [0x0e, 0x6a, 0x7c];
const SIGMA = [0x17, 0x7a, 0x8c]; // mid teal: readable on light and dark ribbons
const AMBER = [0xe0, 0x8a, 0x1e];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------- geometry
// All shapes work in "design units": the icon is the square [0,1]x[0,1],
// y pointing down. A shape is a function (x, y) -> signed distance (<0 inside).

function roundedRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A polyline of the given stroke width with round caps and joins. */
function stroke(points, width) {
  return (x, y) => {
    let d = Infinity;
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      d = Math.min(d, segmentDistance(x, y, ax, ay, bx, by));
    }
    return d - width / 2;
  };
}

function circle(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

function union(...shapes) {
  return (x, y) => Math.min(...shapes.map((s) => s(x, y)));
}

// ---------------------------------------------------------------- raster

const SUB = 4; // 4x4 sub-samples per pixel

/**
 * Paints layers into a fresh transparent RGBA canvas.
 * A layer is { shape, color } where color is [r,g,b] or (x,y)=>[r,g,b];
 * `erase: true` cuts the shape out of what is already there (alpha -> 0).
 */
function render(size, layers) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied accumulation over sub-samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const x = (px + (sx + 0.5) / SUB) / size;
          const y = (py + (sy + 0.5) / SUB) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (layer.shape(x, y) > 0) continue;
            if (layer.erase) {
              cr = cg = cb = ca = 0;
              continue;
            }
            const c = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
            const la = layer.alpha ?? 1;
            cr = c[0] * la + cr * (1 - la);
            cg = c[1] * la + cg * (1 - la);
            cb = c[2] * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = SUB * SUB;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      png.data[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      png.data[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      png.data[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9, filterType: 4 });
}

function mix(a, b, t) {
  return [0, 1, 2].map((k) => a[k] + (b[k] - a[k]) * t);
}

/** Snaps a design coordinate to the pixel grid at small sizes (crisp edges). */
function snapper(size) {
  return (v) => (size <= 32 ? Math.round(v * size) / size : v);
}

// ---------------------------------------------------------------- designs

/**
 * Product mark: deep-teal rounded square, three rising white bars (the
 * scores) and, in the lower right, a white badge with a teal check (the
 * validation), cut out of the bars by a thin ring of tile colour.
 * At 16 px a badge cannot hold a legible check, so that size shows the tile
 * and the bars alone (pixel-aligned), as Office's own 16 px icons simplify.
 */
function productLayers(size) {
  const s = snapper(size);
  const px = 1 / size;
  const tiny = size <= 16;
  const small = size <= 20;
  const inset = small ? 0 : 0.03;
  const radius = small ? 3 * px : 0.2;
  const tile = roundedRect(inset, inset, 1 - inset, 1 - inset, radius);
  const gradient = (x, y) => mix(TEAL_TOP, TEAL_BOTTOM, Math.min(1, Math.max(0, (x * 0.3 + y) / 1.3)));

  if (tiny) {
    // 16 px: bars 2 px wide at x = 4, 7, 10; heights 5, 8, 11 px on y = 13.
    const bars = [5, 8, 11].map((h, i) => {
      const bx = (4 + 3 * i) * px;
      return roundedRect(bx, (13 - h) * px, bx + 2 * px, 13 * px, 0);
    });
    return [
      { shape: tile, color: gradient },
      { shape: union(...bars), color: WHITE },
    ];
  }

  const base = s(0.8);
  const barW = small ? 2 * px : 0.13;
  const gap = small ? 2 * px : 0.055;
  const heights = [0.3, 0.45, 0.6];
  const x0 = s(small ? 3 * px : 0.17);
  const bars = heights.map((h, i) => {
    const bx = s(x0 + i * (barW + gap));
    return roundedRect(bx, s(base - h), bx + barW, base, small ? 0 : 0.02);
  });

  const cx = small ? 0.72 : 0.7;
  const cy = small ? 0.72 : 0.7;
  const r = small ? 0.235 : 0.21;
  const badge = circle(cx, cy, r);
  const ring = circle(cx, cy, r + (small ? 1 * px : 0.045));
  const k = r / 0.21;
  const check = stroke(
    [
      [cx - 0.095 * k, cy + 0.005 * k],
      [cx - 0.03 * k, cy + 0.07 * k],
      [cx + 0.095 * k, cy - 0.06 * k],
    ],
    small ? 1.6 * px : 0.065,
  );

  return [
    { shape: tile, color: gradient },
    { shape: union(...bars), color: WHITE, alpha: 0.95 },
    { shape: (x, y) => Math.max(ring(x, y), tile(x, y)), color: gradient },
    { shape: badge, color: WHITE },
    { shape: check, color: TEAL },
  ];
}

/** Validate: teal disc with a bold white check (reads as "passes"). */
function validateLayers(size) {
  const px = 1 / size;
  const small = size <= 20;
  const disc = circle(0.5, 0.5, small ? 0.5 - 0.5 * px : 0.46);
  const w = small ? 2.2 * px : 0.12;
  const check = stroke([[0.28, 0.52], [0.44, 0.68], [0.73, 0.35]], w);
  return [
    { shape: disc, color: (x, y) => mix(TEAL_TOP, TEAL_BOTTOM, y) },
    { shape: check, color: WHITE },
  ];
}

/**
 * Compute scores: a teal sigma beside three rising amber bars. Mid-tone
 * colours, because XML-manifest icons are the same on light and dark ribbons.
 */
function computeLayers(size) {
  const s = snapper(size);
  const px = 1 / size;
  const small = size <= 20;
  // At 16/20 px strokes are exactly 2 px wide and centred on pixel edges.
  const w = small ? 2 * px : 0.09;
  const top = small ? 3 * px : 0.17;
  const bottom = small ? 1 - 3 * px : 0.83;
  const left = small ? 2 * px : 0.1;
  const right = small ? 1 - 8 * px : 0.56;
  const sigma = stroke(
    [
      [right, top],
      [left, top],
      [0.35, 0.5],
      [left, bottom],
      [right, bottom],
    ],
    w,
  );
  const barW = small ? 2 * px : 0.09;
  const gap = small ? 1 * px : 0.045;
  const base = small ? bottom + px : bottom + w / 2;
  const heights = small ? [0.3, 0.5] : [0.25, 0.4, 0.56];
  const x0 = small ? 1 - 6 * px : 0.62;
  const bars = heights.map((h, i) => {
    const bx = s(x0 + i * (barW + gap));
    return roundedRect(bx, s(base - h), bx + barW, base, small ? 0 : 0.012);
  });
  return [
    { shape: sigma, color: SIGMA },
    { shape: union(...bars), color: AMBER },
  ];
}

// ---------------------------------------------------------------- main

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const written = [];
  const put = (name, bytes) => {
    fs.writeFileSync(path.join(OUT, name), bytes);
    written.push(name);
  };
  for (const size of SIZES) {
    put(`icon-${size}.png`, render(size, productLayers(size)));
    put(`validate-${size}.png`, render(size, validateLayers(size)));
    put(`compute-${size}.png`, render(size, computeLayers(size)));
  }
  put('logo-filled.png', render(80, productLayers(80)));
  console.log(`make-icons: wrote ${written.length} files to ${path.relative(process.cwd(), OUT) || '.'}`);
}

if (require.main === module) main();

module.exports = { render, productLayers, validateLayers, computeLayers, SIZES };
