// Firefox (Debian's firefox-esr, headless) over WebDriver BiDi with puppeteer-core, which
// downloads nothing: every page, three helper routes to their uitkomst, home and /zorgen/ at
// 390 px, the search, a werkblad saved and opened again, and the helper offline from what the
// service worker kept, with every page error and CSP violation collected. Run by
// tests/browser/test_firefox.py against a served site; what runs in the page (the probe, the download
// catcher) comes from there as text: it is the page's code, not this script's.
// Usage: node tests/firefox.mjs <base URL> <settings as JSON: {pages, routes, probe, capture, offline, folder}>
//   prints {"stappen": {...}, "fouten": [...]} as JSON; each error names the page it came from
import { writeFileSync } from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [base, settingsText] = process.argv.slice(2);
const { pages, routes, probe, capture, offline, folder } = JSON.parse(settingsText);
const READY = 90_000;
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: "/usr/bin/firefox-esr",
  headless: true,
  protocol: "webDriverBiDi",
});
const fouten = [];
const stappen = {};

async function walk(page, route) {
  for (const [knoop, antwoord] of route) {
    await page.waitForSelector(`fieldset[data-knoop='${knoop}']`, { timeout: READY });
    await page.click(`label[for=antwoord-${antwoord}]`);
    await page.click("button[data-actie=volgende]");
  }
  await page.waitForSelector("#uitkomst-kop", { timeout: READY });
  return page.$eval("#uitkomst-kop", (el) => el.textContent.trim());
}

// what the probe collected on this page (script errors, CSP violations), into fouten
async function collect(page) {
  for (const fout of (await page.evaluate("window.__fouten")) || ["de probe liep niet"]) fouten.push(`${page.url()}: ${fout}`);
}

const klaar = 'document.querySelector(".doorlopen-status").textContent.includes("klaar")';

try {
  const page = await browser.newPage();
  // A request the browser cancels because we leave the page (NS_BINDING_ABORTED) is reported as
  // the page's error although no reader would see it: the theme may start its search-index fetch
  // after the network has been idle, on a busy machine. Only while leaving is it not counted.
  let leaving = false;
  page.on("pageerror", (fout) => {
    const tekst = fout && fout.message ? fout.message : String(fout);
    if (leaving && tekst.includes("NS_BINDING_ABORTED")) return;
    fouten.push(`${page.url()}: ${tekst}`);
  });
  const goto = async (url, opties) => {
    leaving = true;
    try {
      await page.goto(url, opties);
    } finally {
      leaving = false;
    }
  };
  page.on("dialog", (vraag) => vraag.accept()); // Opnieuw and leaving an uitkomst ask first
  await page.evaluateOnNewDocument(probe);
  await page.setViewport({ width: 390, height: 844 });

  // every page first: an error while it loads is reported with the page. Each is left only when
  // its requests are done (the search index; see `goto` for a fetch started later)
  for (const pad of pages) {
    await goto(base + pad, { waitUntil: "networkidle0" });
    await collect(page);
  }
  stappen.paginas = pages.length;

  stappen.breedte = {};
  for (const pad of ["", "zorgen/"]) {
    await goto(base + pad, { waitUntil: "networkidle0" });
    stappen.breedte[pad] = await page.evaluate("[document.documentElement.clientWidth, document.documentElement.scrollWidth]");
  }

  await goto(`${base}afwegingskader-doorlopen/`);
  stappen.agent = await page.evaluate(() => navigator.userAgent);
  await page.waitForFunction(klaar, { timeout: READY });
  stappen.uitkomsten = [];
  for (const [i, route] of routes.entries()) {
    if (i) {
      // the Opnieuw on screen (the form's own is hidden under an uitkomst)
      const knop = await page.evaluateHandle(
        '[...document.querySelectorAll("[data-actie=opnieuw]")].find((k) => k.getClientRects().length)',
      );
      await knop.click();
    }
    stappen.uitkomsten.push(await walk(page, route));
  }
  await collect(page);

  await page.setViewport({ width: 1280, height: 900 });
  await goto(`${base}contacten/`);
  await page.waitForFunction('document.documentElement.classList.contains("js")');
  await page.click(".md-search__input");
  await page.keyboard.type("veilig thuis");
  await page.waitForFunction('document.querySelectorAll(".md-search-result__item").length > 0', { timeout: 30_000 });
  stappen.zoeken = await page.$$eval(".md-search-result__item", (items) => items.length);
  await collect(page);

  await page.setViewport({ width: 390, height: 844 });
  await goto(`${base}werkbladen/overlegformulier/`);
  await page.evaluate(capture);
  await page.click("form textarea");
  await page.keyboard.type("Juf zag blauwe plekken");
  await page.click(".werkblad-knoppen [data-actie=opslaan]");
  await page.waitForFunction("window.__bestanden.length > 0");
  const [naam, tekst] = await page.evaluate("window.__bestanden[0]");
  const bestand = path.join(folder, naam);
  writeFileSync(bestand, tekst);
  await page.reload();
  const kiezer = await page.waitForSelector(".werkblad-bestand");
  await kiezer.uploadFile(bestand);
  await page.waitForFunction('document.querySelector(".werkblad-status").textContent.includes("is geopend")');
  stappen.werkblad = await page.$eval("form textarea", (el) => el.value);
  await collect(page);

  // offline: the helper once more, until the service worker kept its runtime; then the
  // server goes away and the helper runs from what was kept
  await goto(`${base}afwegingskader-doorlopen/`);
  await page.waitForFunction(klaar, { timeout: READY });
  await page.waitForFunction(
    `caches.keys().then(async (names) => { const name = names.find((n) => n.endsWith("-hulp"));
       return name && (await (await caches.open(name)).keys()).length >= 6; })`,
    { timeout: 60_000, polling: 200 },
  );
  await fetch(offline);
  await page.reload();
  stappen.offlineBeheerd = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(klaar, { timeout: READY });
  stappen.offline = await walk(page, routes[0]);
  await collect(page);
} catch (fout) {
  stappen.mislukt = String(fout);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ stappen, fouten }));
