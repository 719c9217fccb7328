// Draws the ELLEMES wordmark (ellemes/static/img/wordmark.svg) and the SVG favicon as outlines of the site's own fonts, so it
// looks the same everywhere without loading a font. Run by `make wordmark` after `make fonts`.
"use strict";
const fs = require("fs");
const path = require("path");
const fontkit = require("fontkit");

const FONTS = path.join(__dirname, "..", "ellemes", "static", "fonts");
const OUT = path.join(__dirname, "..", "ellemes", "static", "img", "wordmark.svg");
const serif = fontkit.openSync(path.join(FONTS, "cormorant-garamond-latin-600-normal.woff2"));
// The tagline's Inter SemiBold from its static file (the site serves Inter as one variable file).
const sans = fontkit.openSync(require.resolve("@fontsource/inter/files/inter-latin-600-normal.woff2"));

// One line of text as SVG path data, `tracking` in ems between letters, starting at x0 on `baseline`.
function setLine(font, text, size, tracking, x0, baseline) {
  const scale = size / font.unitsPerEm;
  const run = font.layout(text);
  let x = x0;
  const parts = [];
  run.glyphs.forEach((glyph, i) => {
    parts.push(glyph.path.scale(scale, -scale).translate(x, baseline).toSVG());
    x += run.positions[i].xAdvance * scale + (i < run.glyphs.length - 1 ? tracking * size : 0);
  });
  return { d: parts.join("").replace(/(\d+\.\d)\d+/g, "$1"), width: x - x0 };
}

const PAD = 2;
const NAME_SIZE = 56;
const TAG_SIZE = 11.5;
const capHeight = (serif.layout("E").glyphs[0].bbox.maxY * NAME_SIZE) / serif.unitsPerEm;
const nameBaseline = capHeight + PAD;
const nameWidth = setLine(serif, "ELLEMES", NAME_SIZE, 0.14, 0, 0).width;
const tagWidth = setLine(sans, "MEDICAL SPA", TAG_SIZE, 0.42, 0, 0).width;
const width = Math.ceil(nameWidth) + 2 * PAD;
const tagBaseline = nameBaseline + 22;
const height = Math.ceil(tagBaseline + 2);
const name = setLine(serif, "ELLEMES", NAME_SIZE, 0.14, PAD, nameBaseline);
const tagStart = PAD + (nameWidth - tagWidth) / 2;
const tag = setLine(sans, "MEDICAL SPA", TAG_SIZE, 0.42, tagStart, tagBaseline);
// Hairlines either side of the tagline, at its middle.
const ruleY = (tagBaseline - TAG_SIZE * 0.36).toFixed(1);
const rules = `M${PAD} ${ruleY}H${(tagStart - 10).toFixed(1)}M${(tagStart + tagWidth + 6).toFixed(1)} ${ruleY}H${width - PAD}`;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<!-- The ELLEMES wordmark: Cormorant Garamond SemiBold and Inter SemiBold outlines (SIL OFL 1.1); drawn in
     currentColor where a page shows it with <use href="wordmark.svg#wordmark">, in plum on its own. -->
<symbol id="wordmark" viewBox="0 0 ${width} ${height}">
<path fill="currentColor" d="${name.d}"/>
<path fill="currentColor" d="${tag.d}"/>
<path stroke="currentColor" stroke-width="1" opacity=".55" d="${rules}"/>
</symbol>
<use href="#wordmark" color="#6b2748"/>
</svg>
`;
fs.writeFileSync(OUT, svg);
console.log(`${path.relative(process.cwd(), OUT)}: ${width}×${height}`);

// The favicon: the wordmark's E, white on a plum tile (the PNG and ICO sizes are drawn by
// `manage.py make_icons` from the same font).
const e = serif.layout("E").glyphs[0];
const eScale = 22 / (e.bbox.maxY - e.bbox.minY);
const eX = 16 - ((e.bbox.minX + e.bbox.maxX) / 2) * eScale;
const eY = 16 + ((e.bbox.minY + e.bbox.maxY) / 2) * eScale;
const eD = e.path.scale(eScale, -eScale).translate(eX, eY).toSVG().replace(/(\d+\.\d)\d+/g, "$1");
const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#6b2748"/><path fill="#fff" d="${eD}"/></svg>
`;
fs.writeFileSync(path.join(path.dirname(OUT), "favicon.svg"), favicon);
