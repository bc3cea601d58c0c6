#!/usr/bin/env node
// Prints HTML files to PDF in Debian's headless Chromium (through the playwright-core that tests/html/ installs),
// as a resume kept as HTML is printed: US Letter, backgrounds on, no header or footer unless asked for.
//
// Usage: node print_pdf.js OUT_DIR SOURCE.html [SOURCE.html…]
// A source may ask for a running footer with <meta name="apigap-footer" content="HTML">: Chromium prints it on
// every page, as a browser's "headers and footers" option does.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require(path.join(__dirname, '..', 'html', 'node_modules', 'playwright-core'));

const k_chromium = process.env.APIGAP_CHROMIUM || '/usr/bin/chromium';

async function main() {
  const [outDir, ...sources] = process.argv.slice(2);
  if (!outDir || sources.length === 0) {
    console.error('usage: node print_pdf.js OUT_DIR SOURCE.html [SOURCE.html...]');
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: k_chromium, args: ['--no-sandbox'] });
  try {
    for (const source of sources) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.resolve(source)).href);
      const footer = await page.evaluate(() => {
        const meta = document.querySelector('meta[name="apigap-footer"]');
        return meta ? meta.content : null;
      });
      const options = { format: 'Letter', printBackground: true, margin: { top: '0.5in', bottom: '0.6in', left: '0.5in', right: '0.5in' } };
      if (footer !== null) {
        Object.assign(options, { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer });
      }
      const pdf = await page.pdf(options);
      fs.writeFileSync(path.join(outDir, path.basename(source, '.html') + '.pdf'), pdf);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
