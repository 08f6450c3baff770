// Firefox (Debian's firefox-esr, headless) over WebDriver BiDi with puppeteer-core, which
// downloads nothing: the helper walked to its uitkomst, the search, a werkblad typed into,
// with every page error collected. Run by tests/test_firefox.py against a served site. What
// runs in the page is given as text: it is the page's code, not this script's.
// Usage: node tests/firefox.mjs <base URL> <pages as JSON> <route as JSON: [[knoop, antwoord], …]>
//   prints {"stappen": {...}, "fouten": [...]} as JSON; each error names the page it came from
import puppeteer from "puppeteer-core";

const [base, paginas = "[]", route = "[]"] = process.argv.slice(2);
const READY = 90_000;
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: "/usr/bin/firefox-esr",
  headless: true,
  protocol: "webDriverBiDi",
});
const fouten = [];
const stappen = {};
try {
  const page = await browser.newPage();
  page.on("pageerror", (fout) => fouten.push(`${page.url()}: ${fout && fout.message ? fout.message : fout}`));
  page.on("dialog", (vraag) => vraag.accept()); // leaving an uitkomst: the page asks first
  await page.setViewport({ width: 390, height: 844 });

  // every page first: an error while it loads is reported with the page. Each is left only when
  // its requests are done (the search index): leaving earlier aborts a fetch, which Firefox
  // reports as the page's error (NS_BINDING_ABORTED) although no reader would see it
  for (const pad of JSON.parse(paginas)) await page.goto(base + pad, { waitUntil: "networkidle0" });
  stappen.paginas = JSON.parse(paginas).length;

  await page.goto(`${base}afwegingskader-doorlopen/`);
  stappen.agent = await page.evaluate(() => navigator.userAgent);
  await page.waitForFunction('document.querySelector(".doorlopen-status").textContent.includes("klaar")', { timeout: READY });
  for (const [knoop, antwoord] of JSON.parse(route)) {
    await page.waitForSelector(`fieldset[data-knoop='${knoop}']`, { timeout: READY });
    await page.click(`label[for=antwoord-${antwoord}]`);
    await page.click("button[data-actie=volgende]");
  }
  await page.waitForSelector("#uitkomst-kop", { timeout: READY });
  stappen.uitkomst = await page.$eval("#uitkomst-kop", (el) => el.textContent.trim());

  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}contacten/`);
  await page.waitForFunction('document.documentElement.classList.contains("js")');
  await page.click(".md-search__input");
  await page.keyboard.type("veilig thuis");
  await page.waitForFunction('document.querySelectorAll(".md-search-result__item").length > 0', { timeout: 30_000 });
  stappen.zoeken = await page.$$eval(".md-search-result__item", (items) => items.length);

  await page.goto(`${base}werkbladen/overlegformulier/`);
  await page.click("form textarea");
  await page.keyboard.type("Juf zag blauwe plekken");
  stappen.werkblad = await page.$eval("form textarea", (el) => el.value);
} catch (fout) {
  stappen.mislukt = String(fout);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ stappen, fouten }));
