// Writes the site's index.html from assets/index.html:
// - the default scenario's result, printed by the engine (web/tools/preview.cpp, built for
//   node), in place of <!-- headroom:preview -->, so the result is on screen at once; the
//   template's other comments dropped;
// - headroom.css and boot.js inlined (boot.js minified by terser), so the first paint waits
//   for no other request;
// - the icon (the site's icons/icon.svg, web/tools/make_icons.mjs) inline as a data URI, one
//   request fewer;
// - their SHA-256 hashes added to the Content-Security-Policy, which still allows no other
//   inline style or script.
// node make_page.mjs TEMPLATE PREVIEW_JS CSS BOOT_JS ICON_SVG TERSER_DIR OUT
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [template, previewJs, cssPath, bootPath, iconPath, terserDir, out] = process.argv.slice(2);
const { minify } = createRequire(join(terserDir, 'package.json'))('terser');

function replaceOnce(text, what, by) {
  const at = text.indexOf(what);
  if (at < 0 || text.indexOf(what, at + 1) >= 0) throw new Error(`make_page: expected one ${what} in ${template}`);
  return text.slice(0, at) + by + text.slice(at + what.length);
}
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const preview = execFileSync(process.execPath, [previewJs], { encoding: 'utf8' }).trim();
if (!preview.startsWith('<section')) throw new Error('make_page: the preview tool printed no result');
// Comments and indentation dropped; no rule is rewritten.
const css = readFileSync(cssPath, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*/g, '\n').trim();
// boot.js's SCENARIO_KEY is the engine's own list of query keys that carry a scenario.
const scenarioKeys = execFileSync(process.execPath, [previewJs, '--scenario-keys'], { encoding: 'utf8' }).trim();
if (!scenarioKeys.startsWith('^(s|')) throw new Error('make_page: the preview tool printed no scenario keys');
const bootSource = replaceOnce(readFileSync(bootPath, 'utf8'), '/headroom:scenario-keys/', `/${scenarioKeys}/`);
const boot = (await minify(bootSource, { compress: { passes: 2 }, mangle: true })).code;
// An SVG data URI: double quotes become single ones (the attribute is double-quoted), and only
// what a URL or the attribute cannot hold is escaped.
const icon = 'data:image/svg+xml,' + readFileSync(iconPath, 'utf8').trim().replaceAll('"', "'")
  .replace(/[%#<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

let page = readFileSync(template, 'utf8');
page = replaceOnce(page, '<!-- headroom:preview -->', preview);
// The template's comments are for its readers, not the page's (every byte is on the first load).
page = page.replace(/<!--[\s\S]*?-->\n?/g, '');
page = replaceOnce(page, '<link rel="stylesheet" href="headroom.css">', `<style>${css}</style>`);
page = replaceOnce(page, '<script src="boot.js"></script>', `<script>${boot}</script>`);
page = replaceOnce(page, '<link rel="icon" type="image/svg+xml" href="icons/icon.svg">',
  `<link rel="icon" type="image/svg+xml" href="${icon}">`);
page = replaceOnce(page, "script-src 'self'", `script-src 'self' ${sha256(boot)}`);
page = replaceOnce(page, "style-src 'self'", `style-src 'self' ${sha256(css)}`);
writeFileSync(out, page);
