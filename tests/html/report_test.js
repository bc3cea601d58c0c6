#!/usr/bin/env node
// Renders apigap's HTML reports (and `match`'s page) with the real binary and
// checks them in Debian's headless Chromium (through playwright-core): one
// radar axis per scored target (none on the match page), nothing wider than a
// 375-pixel phone, no request but the file itself, a dark background in dark
// mode, a light one and no overflow in print. Then it breaks a page on purpose in one way per check and requires
// that check to fail, so no check can pass by accident.
//
// Usage: node report_test.js APIGAP_BINARY REPO_ROOT
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const k_width = 375;
const k_height = 800;
const k_chromium = process.env.APIGAP_CHROMIUM || '/usr/bin/chromium';

/// The reports to render: the arguments before `--format`.
const k_reports = [
  { name: 'assess mid', args: ['assess', '--answers', 'examples/answers-mid.yaml', '--level', 'mid'] },
  { name: 'assess senior', args: ['assess', '--answers', 'examples/answers-mid.yaml', '--level', 'senior'] },
  { name: 'assess entry', args: ['assess', '--answers', 'examples/answers-entry.json', '--level', 'entry'] },
  { name: 'scan markdown resume', args: ['scan', 'tests/fixtures/resumes/resume.md', '--level', 'senior'] },
  { name: 'scan hostile resume', args: ['scan', 'tests/html/hostile-resume.txt', '--level', 'mid'] },
  // A match page has no radar: no axis and no polygon are expected.
  { name: 'match', radar: false,
    args: ['match', 'tests/eval/resumes/backend-python.md', '--job', 'tests/fixtures/postings/senior-backend.md'] },
];

/// Ways to break the mid-level page, each of which one check must notice.
const k_breakages = [
  { check: 'radar', what: 'an axis removed', edit: (html) => html.replace(/<g class="axis">.*<\/g>\n(?![\s\S]*<g class="axis">)/, '') },
  { check: 'overflow', what: 'a wide preformatted line', edit: (html) => html.replace('<main>\n', `<main>\n<pre>${'x'.repeat(90)}</pre>\n`) },
  { check: 'requests', what: 'an image', edit: (html) => html.replace('<main>\n', '<main>\n<img src="missing.png" alt="">\n') },
  { check: 'self-contained', what: 'a script', edit: (html) => html.replace('</main>', '<script>document.title = "x";</script></main>') },
  { check: 'dark', what: 'no dark colours', edit: (html) => html.replace('prefers-color-scheme: dark', 'prefers-color-scheme: none') },
  { check: 'print', what: 'no print style', edit: (html) => html.replace('@media print {', '@media not print {') },
];

function run(binary, root, args) {
  return execFileSync(binary, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function ordinal(n) {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) {
    return `${n}th`;
  }
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th'}`;
}

/// A target's label as the text report writes it (render_detail::target_label).
function targetLabel(target) {
  if (target.skill === target.id) {
    return target.name;
  }
  const group = target.rank > 1 ? `${target.name} (${ordinal(target.rank)})` : target.name;
  return `${group}: ${target.skill_name || 'none'}`;
}

/// Relative luminance of a CSS `rgb()`/`rgba()` colour, 0 (black) to 1 (white).
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/// Elements wider than the viewport or sticking out of it, and the page's scroll width.
async function overflow(page) {
  return page.evaluate((width) => {
    const bad = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if ((box.width > 0 || box.height > 0) && (box.right > width + 0.5 || box.left < -0.5)) {
        const text = (element.textContent || '').trim().slice(0, 40);
        bad.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') || ''}"> ` +
                 `"${text}" spans ${box.left.toFixed(1)}..${box.right.toFixed(1)}`);
      }
    }
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
      bad.unshift(`document scrollWidth ${scrollWidth} > ${width}`);
    }
    return bad.slice(0, 5);
  }, k_width);
}

async function colors(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, color: style.color };
  });
}

/// Opens `file` and runs every check; returns {check: [problems]}.
async function inspect(browser, file, targets) {
  const problems = {};
  const fail = (check, problem) => (problems[check] = problems[check] || []).push(problem);
  const url = pathToFileURL(file).href;

  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: k_width, height: k_height }, colorScheme: scheme });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (request.url() !== url) {
        fail('requests', `${scheme}: requested ${request.url()}`);
      }
    });
    page.on('requestfailed', (request) => fail('requests', `${scheme}: failed ${request.url()}: ${request.failure().errorText}`));
    await page.goto(url);
    await page.waitForLoadState('load');

    const { background, color } = await colors(page);
    if (scheme === 'light') {
      const found = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        sources: [...document.querySelectorAll('[src], link, object, embed, iframe')].map((e) => e.outerHTML.slice(0, 80)),
        imports: [...document.querySelectorAll('style')].filter((s) => /@import|url\(/.test(s.textContent)).length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        doctype: document.doctype ? document.doctype.name : '',
        lang: document.documentElement.lang,
        charset: document.characterSet,
        viewport: (document.querySelector('meta[name=viewport]') || {}).content || '',
        axes: [...document.querySelectorAll('svg.radar g.axis')].map((axis) => ({
          title: axis.querySelector('title').textContent,
          label: [...axis.querySelectorAll('text.label tspan')].map((t) => t.textContent).join(''),
        })),
        polygons: [...document.querySelectorAll('svg.radar polygon.target, svg.radar polygon.current')]
          .map((p) => p.getAttribute('points').trim().split(/\s+/).length),
      }));
      if (found.scripts > 0) fail('self-contained', `${found.scripts} <script> elements`);
      if (found.sources.length > 0) fail('self-contained', `elements that load something: ${found.sources.join(', ')}`);
      if (found.imports > 0) fail('self-contained', 'a <style> with @import or url()');
      if (found.handlers > 0) fail('self-contained', `${found.handlers} elements with on* handlers`);
      if (found.doctype !== 'html' || found.lang !== 'en' || found.charset !== 'UTF-8' || !found.viewport.includes('width=device-width')) {
        fail('self-contained', `not a valid HTML5 head: ${JSON.stringify([found.doctype, found.lang, found.charset, found.viewport])}`);
      }
      if (found.axes.length !== targets.length) {
        fail('radar', `${found.axes.length} axes for ${targets.length} scored targets`);
      }
      targets.slice(0, found.axes.length).forEach((target, i) => {
        const label = targetLabel(target);
        const expected = `${label}: ${target.rating} of ${target.target}`;
        if (found.axes[i].title !== expected) fail('radar', `axis ${i + 1} is titled "${found.axes[i].title}", expected "${expected}"`);
        if (found.axes[i].label.replace(/\s/g, '') !== label.replace(/\s/g, '')) {
          fail('radar', `axis ${i + 1} is labelled "${found.axes[i].label}", expected "${label}"`);
        }
      });
      const polygons = targets.length === 0 ? 0 : 2;
      if (found.polygons.length !== polygons || found.polygons.some((n) => n !== targets.length)) {
        fail('radar', `${found.polygons.length} target and current polygons with ${JSON.stringify(found.polygons)} corners, expected ${polygons} with ${targets.length} each`);
      }
      for (const problem of await overflow(page)) fail('overflow', problem);
      if (luminance(background) < 0.8) fail('dark', `light scheme: background ${background} is not light`);
    } else {
      if (luminance(background) > 0.1 || luminance(color) < 0.5) {
        fail('dark', `dark scheme: background ${background}, text ${color}`);
      }
      for (const problem of await overflow(page)) fail('overflow', `dark: ${problem}`);
      // Print, with the reader still preferring dark: black on white, nothing too wide, steps kept whole.
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const print = await colors(page);
      const printing = await page.evaluate(() => ({
        matches: matchMedia('print').matches,
        split: [...document.querySelectorAll('.step')].filter((s) => getComputedStyle(s).breakInside !== 'avoid').length,
      }));
      if (!printing.matches) fail('print', 'print media was not applied');
      if (luminance(print.background) < 0.9 || luminance(print.color) > 0.05) {
        fail('print', `print: background ${print.background}, text ${print.color}`);
      }
      if (printing.split > 0) fail('print', `${printing.split} plan steps may break across pages`);
      for (const problem of await overflow(page)) fail('print', `print: ${problem}`);
    }
    await context.close();
  }
  return problems;
}

async function main() {
  const [binary, root] = process.argv.slice(2).map((p) => path.resolve(p));
  if (!binary || !root) {
    throw new Error('usage: node report_test.js APIGAP_BINARY REPO_ROOT');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigap-html-'));
  const results = [];
  const report = (ok, name, detail) => {
    results.push(ok);
    console.log(`${ok ? 'ok' : 'not ok'} ${results.length} - ${name}${detail ? `\n  ${detail.join('\n  ')}` : ''}`);
  };
  const browser = await chromium.launch({ executablePath: k_chromium, args: ['--no-sandbox'] });
  try {
    let mid = null;
    for (const [index, { name, args, radar }] of k_reports.entries()) {
      const file = path.join(dir, `report-${index}.html`);
      run(binary, root, [...args, '--format', 'html', '-o', file]);
      const targets = radar === false ? [] : JSON.parse(run(binary, root, [...args, '--format', 'json'])).targets;
      if (radar !== false && targets.length === 0) {
        throw new Error(`${name}: the JSON report has no targets`);
      }
      const problems = await inspect(browser, file, targets);
      const all = Object.entries(problems).flatMap(([check, list]) => list.map((p) => `${check}: ${p}`));
      report(all.length === 0, `${name}: ${targets.length} axes, fits ${k_width} px, no request, dark, print`, all.length ? all : null);
      if (index === 0) {
        mid = { html: fs.readFileSync(file, 'utf8'), targets };
      }
    }
    for (const [index, { check, what, edit }] of k_breakages.entries()) {
      const html = edit(mid.html);
      if (html === mid.html) {
        report(false, `broken page (${what}): the edit changed nothing`);
        continue;
      }
      const file = path.join(dir, `broken-${index}.html`);
      fs.writeFileSync(file, html);
      const problems = await inspect(browser, file, mid.targets);
      const caught = (problems[check] || []).length > 0;
      report(caught, `broken page (${what}) fails the ${check} check`,
             caught ? [`as it should: ${problems[check][0]}`] : [`checks that failed: ${Object.keys(problems).join(', ') || 'none'}`]);
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`report_test.js: ${error.stack || error}`);
  process.exit(1);
});
