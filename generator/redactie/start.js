// The browser editor's entry module, bundled with the CMS by esbuild at build time
// (generator/redactie/bundle.py) into assets/redactie/ of the site: nothing is loaded from
// another origin. The configuration is written from the model next to the bundle
// (config.json); the CMS starts only here, with that object (its own config.yml is not
// fetched). The CMS does not start itself: it does so only for a classic script named
// sveltia-cms.js, and this is a module.
//
// Files are read and written by Python in a worker (redactie-worker.js, the generator's own
// code): saving changes only what the user changed, and each form is checked with the rules
// of `meldcode check` before it can be saved.
import { caller, latestOnly } from "../../site_overrides/assets/javascripts/worker-bridge.js";

const HIER = new URL(".", import.meta.url);
// The CMS (2 MB) is a chunk of its own, loaded at once.
const cmsGeladen = import("@sveltia/cms");

// Python starts in its worker once the CMS is up (below); the files as published open without
// it (gelezen.json), the check and saving wait for it.
let werker;
let bridge;
function startPython() {
  if (werker) return;
  werker = new Worker(new URL("../javascripts/redactie-worker.js", HIER), { type: "module" });
  bridge = caller((bericht) => werker.postMessage(bericht));
  werker.onmessage = ({ data }) => bridge.receive(data);
}

/** One call of the Python side (check.py: load, save, check); rejects with its Dutch message. */
async function python(method, ...args) {
  startPython();
  return bridge.call(method, ...args);
}

const [config, controle] = await Promise.all(
  ["config.json", "controle.json"].map(async (naam) => (await fetch(new URL(naam, HIER))).json()),
);
const EIGEN = controle.namen; // the form's own fields and the format's name (cms.py)

// The built copy of every file: what the site publishes now (the proposal for the version
// history counts the changes since it), and the test repository's first contents.
const gebouwd = new Map();
async function bouwtekst(pad) {
  if (!gebouwd.has(pad)) gebouwd.set(pad, fetch(new URL(pad, HIER)).then((r) => r.text()));
  return gebouwd.get(pad);
}


const { default: CMS } = await cmsGeladen;
// the module is loaded async from the page's head: the page itself may still be parsing
if (document.readyState === "loading") {
  await new Promise((klaar) => {
    document.addEventListener("DOMContentLoaded", klaar, { once: true });
  });
}

// The test repository keeps its files in this browser's private file store; it starts with
// the protocol as built, so there is something to edit (and to train on).
async function vulTestrepository() {
  if (config.backend.name !== "test-repo") return;
  const wortel = await navigator.storage.getDirectory();
  const repo = await wortel.getDirectoryHandle("sveltia-cms-test", { create: true });
  for (const pad of Object.values(controle.bestanden)) {
    const delen = pad.split("/");
    let map = repo;
    for (const deel of delen.slice(0, -1)) map = await map.getDirectoryHandle(deel, { create: true });
    const naam = delen.at(-1);
    const bestaat = await map.getFileHandle(naam).then(() => true, () => false);
    if (bestaat) continue;
    const schrijver = await (await map.getFileHandle(naam, { create: true })).createWritable();
    await schrijver.write(await bouwtekst(pad));
    await schrijver.close();
  }
}

// The files as they are in her repository, whatever the backend: the CMS reads every file of
// the collection through our format (fromFile) when it starts, and each save writes one. The
// CMS says only the text, so the file is known by its top-level keys (controle.json).
const werkkopie = new Map();
function welkBestand(data) {
  const sleutels = Object.keys(data ?? {});
  const passend = Object.entries(controle.sleutels)
    .filter(([, velden]) => sleutels.every((k) => velden.includes(k)))
    .sort(([, a], [, b]) => a.length - b.length);
  const [eerste, tweede] = passend;
  const even = tweede && tweede[1].length === eerste[1].length;
  return eerste && !even ? controle.bestanden[eerste[0]] : undefined;
}
async function werktekst(pad) {
  return werkkopie.get(pad) ?? bouwtekst(pad);
}

function zonderEigen(data) {
  const rest = { ...data };
  delete rest[EIGEN.bron];
  delete rest[EIGEN.controle];
  return rest;
}

// The file's text as read is kept in the form (a hidden field), so that saving changes only
// what the form changed. The CMS keeps a saved entry's form as it was, that field included:
// after a save, the text saved is what the next check and save start from.
const opgeslagen = new Map(); // the text as read → the text last saved from that form
const ongezien = new Map(); // the same, written but not yet confirmed saved
const huidig = (data) => opgeslagen.get(data[EIGEN.bron]) ?? data[EIGEN.bron] ?? "";

// Each file as published, read into form data at build time by the same Python: a file she
// has not changed opens without waiting for the worker.
const gelezen = fetch(new URL("gelezen.json", HIER)).then((r) => (r.ok ? r.json() : {}), () => ({}));
async function leesFormulier(tekst) {
  const alsGebouwd = await gelezen;
  for (const pad of Object.keys(alsGebouwd)) {
    if ((await bouwtekst(pad)).trimEnd() === tekst.trimEnd()) return structuredClone(alsGebouwd[pad]);
  }
  return python("load", tekst);
}

CMS.registerCustomFormat(EIGEN.formaat, "yaml", {
  fromFile: async (tekst) => {
    const data = await leesFormulier(tekst);
    const pad = welkBestand(data);
    if (pad) werkkopie.set(pad, tekst);
    return { ...data, [EIGEN.bron]: tekst };
  },
  toFile: async (data) => {
    const tekst = await python("save", huidig(data), zonderEigen(data));
    ongezien.set(data[EIGEN.bron], tekst);
    return tekst;
  },
});

// Every page's text as built (postbuild), to say where a changed text stands now; the
// development server has none, and then the panel names no pages.
const SITE = new URL("../../", HIER);
let paginas;
async function paginasVanDeSite() {
  paginas ??= fetch(new URL("paginas.json", HIER)).then((r) => (r.ok ? r.json() : []), () => []);
  return paginas;
}

/** What `meldcode check` says of the file at `pad` as it would be saved from `data`, and
 * what `meldcode diff` says changes. */
async function controleer(pad, data) {
  const teksten = {};
  const gepubliceerd = {};
  const logboek = pad === controle.bestanden.wijzigingen; // the proposal counts from what is published
  for (const bestand of Object.values(controle.bestanden)) {
    if (bestand !== pad) teksten[bestand] = await werktekst(bestand);
    if (logboek) gepubliceerd[bestand] = await bouwtekst(bestand);
  }
  const verzoek = { pad, bron: huidig(data), data: zonderEigen(data) };
  const { bestanden, soorten, labels } = controle;
  const site = { bestanden, soorten, labels, ...(logboek ? { gepubliceerd } : {}) };
  const berichten = await python("check", { ...verzoek, ...site, teksten, paginas: await paginasVanDeSite() });
  for (const b of berichten) if (b.soort === "programmafout") console.error(b.technisch);
  return berichten;
}

// The form asks for a check at every key she types. A check takes longer than a key on a school's
// laptop; checks of text already typed over would only hold back the one of what she sees, so
// while one runs only the newest waits (the save's own check, below, is never replaced).
const controleerLaatste = latestOnly(controleer);

// The CMS's documented helpers for a field of its own (React, from the CMS's bundle).
const { createClass, h } = /** @type {any} */ (window);

// The latest check's messages, for each text field to show those about its own text; the
// proposal for a new line in the version history (from that file's own check: what changed
// since the published version), which the fields of the new line offer to fill in; and what a
// text can refer to, by name (the Invoegen list), from her files as they are now.
const meldingen = new EventTarget();
let gemeld = [];
let voorstel = {};
let verwijzingen = [];
function meld(berichten) {
  gemeld = berichten;
  voorstel = berichten.find((b) => b.soort === "voorstel")?.voorstel ?? {};
  verwijzingen = berichten.find((b) => b.soort === "verwijzingen")?.lijst ?? verwijzingen;
  meldingen.dispatchEvent(new Event("nieuw"));
}

// Whether the open form holds changes not yet saved: Terug and × ask before they are lost.
let onopgeslagen = false;

const Controle = createClass({
  getInitialState() {
    return { berichten: null, mislukt: false };
  },
  componentWillUnmount() {
    onopgeslagen = false;
  },
  async isValid() {
    const pad = this.props.field.get("bestand");
    const woorden = this.props.field.get("woorden").toJS();
    const data = this.props.entry.get("data").toJS();
    const nu = JSON.stringify(zonderEigen(data));
    this.begin ??= nu; // the form as opened (or as last saved)
    onopgeslagen = nu !== this.begin;
    try {
      const berichten = await controleerLaatste(pad, pad, data);
      this.setState({ berichten, mislukt: false });
      meld(berichten);
      const fouten = berichten.filter((b) => b.soort === "fout");
      return fouten.length ? { error: { message: fouten.map((b) => b.tekst).join("\n") } } : true;
    } catch {
      this.setState({ mislukt: true });
      return { error: { message: woorden.mislukt } };
    }
  },
  render() {
    const woorden = this.props.field.get("woorden").toJS();
    const { berichten, mislukt } = this.state;
    if (mislukt) return h("p", { className: "meldcode-controle", role: "alert" }, woorden.mislukt);
    if (berichten === null) return h("p", { className: "meldcode-controle" }, woorden.bezig);
    const programmafout = berichten.find((b) => b.soort === "programmafout");
    if (programmafout) return h("p", { className: "meldcode-controle meldcode-controle-programmafout", role: "alert" }, programmafout.tekst);
    const aantal = berichten.filter((b) => b.soort === "fout").length;
    const samenvatting = aantal === 1 ? woorden.samenvatting_een : woorden.samenvatting.replace("{n}", aantal);
    const lijst = (soort, kop) => {
      const deze = berichten.filter((b) => b.soort === soort);
      if (!deze.length) return null;
      return h("section", { className: `meldcode-controle-${soort}` }, h("h3", null, kop),
        h("ul", null, deze.map((b) => h("li", { key: b.tekst }, b.tekst))));
    };
    // warnings do not hold the save back and stand beside their text: here folded, with their
    // number, so the panel does not push the form out of view
    const waarschuwingen = berichten.filter((b) => b.soort === "waarschuwing");
    const gevouwen = waarschuwingen.length ? h("details", { className: "meldcode-controle-waarschuwing" },
      h("summary", null, `${woorden.waarschuwingen} (${waarschuwingen.length})`),
      h("ul", null, waarschuwingen.map((b) => h("li", { key: b.tekst }, b.tekst)))) : null;
    // `meldcode diff`'s words per part, as HTML that Python escaped (<strong>, <del>, <ins>)
    const veranderingen = berichten.filter((b) => b.soort === "verandering");
    const pagina = (p, i) => [i ? ", " : "", h("a", { key: p.url, href: new URL(p.url, SITE).href, target: "_blank" }, p.titel)];
    const deel = (b) => h("div", { key: b.titel },
      h("h4", null, b.titel),
      h("ul", null, b.regels.map((r) => h("li", { key: r, dangerouslySetInnerHTML: { __html: r } }))),
      h("p", null, b.paginas.length ? [woorden.te_zien, " ", ...b.paginas.flatMap(pagina)] : woorden.nergens));
    const logboek = berichten.find((b) => b.soort === "versiegeschiedenis");
    const controles = berichten.filter((b) => b.soort === "fout" || b.soort === "waarschuwing");
    return h("div", { className: "meldcode-controle", "aria-live": "polite" },
      controles.length === 0 ? h("p", null, woorden.goed) : null,
      lijst("fout", samenvatting),
      gevouwen,
      veranderingen.length ? h("section", { className: "meldcode-controle-verandering" },
        h("h3", null, woorden.verandering), veranderingen.map(deel), h("p", null, woorden.overal)) : null,
      logboek ? h("p", { className: "meldcode-controle-versiegeschiedenis" }, logboek.tekst, " ",
        h("a", { href: EIGEN.versiegeschiedenis }, woorden.versiegeschiedenis)) : null);
  },
});
CMS.registerFieldType(EIGEN.veld, Controle);

// An id is what references and anchors point at: an existing one is shown, not changed. A new
// item (a contact, a rol, a termijn) gets one made from its name when it is saved (form.py,
// the same rule in the check); she chooses one herself only if she asks to. Whether it is unique
// is the check's (the same rule as `meldcode check`).
const Id = createClass({
  getInitialState() {
    return { vast: Boolean(this.props.value), zelf: Boolean(this.props.value) };
  },
  isValid() {
    const [patroon, melding] = this.props.field.get("pattern")?.toJS() ?? [];
    const waarde = this.props.value ?? "";
    return !waarde || !patroon || new RegExp(patroon).test(waarde) ? true : { error: { message: melding } };
  },
  render() {
    const { forID, value, classNameWrapper, onChange } = this.props;
    const className = [classNameWrapper, EIGEN.id].filter(Boolean).join(" ");
    const eigen = { id: forID, className, spellCheck: false, autoComplete: "off" };
    if (this.state.vast) return h("input", { ...eigen, value, readOnly: true });
    if (!this.state.zelf) {
      return h("p", { className: `${EIGEN.id}-uit-naam` }, controle.woorden.id_uit_naam, " ",
        h("button", { type: "button", id: forID, onClick: () => this.setState({ zelf: true }) }, controle.woorden.id_zelf));
    }
    // the element owns what is typed (spaces too): the check says what is wrong with it
    return h("input", { ...eigen, defaultValue: value ?? "", autoFocus: true, onInput: (e) => onChange(e.target.value) });
  },
});
CMS.registerFieldType(EIGEN.id, Id);

// A text: a plain text box that grows with its text, an Invoegen list of what it can refer to,
// and below it what the check says about this very text (a warning as well as an error). The
// box owns its value: the CMS renders the field again after every keystroke, and a box whose
// value it set each time put the caret at the end. Only a value that did not come from the
// box (a proposal filled in) is written into it. The CMS's own box took about a minute to
// take in a pasted 5 MB document; this one takes it at once, and the check refuses it.
const REGELS = { min: 1, max: 14, breed: 90 };
function regels(tekst) {
  if (tekst.length > 100_000) return REGELS.max;
  const n = tekst.split("\n").reduce((som, regel) => som + Math.max(1, Math.ceil(regel.length / REGELS.breed)), 0);
  return Math.min(REGELS.max, Math.max(REGELS.min, n));
}

const Tekst = createClass({
  componentDidMount() {
    this.opnieuw = () => this.forceUpdate();
    meldingen.addEventListener("nieuw", this.opnieuw);
  },
  componentWillUnmount() {
    meldingen.removeEventListener("nieuw", this.opnieuw);
  },
  componentDidUpdate() {
    const vak = this.vak;
    const waarde = this.props.value ?? "";
    if (vak && waarde !== vak.value && waarde !== this.gezonden) {
      vak.value = waarde; // from elsewhere (a proposal): the box follows
      vak.rows = regels(waarde);
    }
  },
  typ(e) {
    this.gezonden = e.target.value;
    e.target.rows = regels(e.target.value);
    this.props.onChange(e.target.value);
  },
  voegIn(e) {
    const vak = this.vak;
    const tekst = e.target.value;
    e.target.value = "";
    if (!vak || !tekst) return;
    vak.focus();
    vak.setRangeText(tekst, vak.selectionStart, vak.selectionEnd, "end");
    vak.dispatchEvent(new Event("input", { bubbles: true }));
  },
  render() {
    const { forID, value, classNameWrapper, onChange } = this.props;
    const tekst = value ?? "";
    const kaal = tekst.length <= 100_000 ? tekst.trim() : null; // a runaway text is the panel's
    const hier = gemeld.filter((b) => b.waarde !== undefined && b.waarde === kaal);
    const className = [classNameWrapper, EIGEN.tekst].filter(Boolean).join(" ");
    const logboek = this.props.entry.get("path") === controle.bestanden.wijzigingen;
    const voorgesteld = logboek && !tekst ? voorstel[this.props.field.get("name")] : undefined;
    const groepen = Object.entries(controle.groepen)
      .map(([soort, naam]) => [naam, verwijzingen.filter((v) => v.soort === soort)])
      .filter(([, lijst]) => lijst.length);
    return h("div", null,
      h("textarea", {
        id: forID, className, defaultValue: tekst, rows: regels(tekst), ref: (vak) => { this.vak = vak; },
        onInput: (e) => this.typ(e),
      }),
      logboek ? null : h("select", {
        className: `${EIGEN.tekst}-invoegen`, "aria-label": controle.woorden.invoegen, value: "",
        disabled: !groepen.length, onChange: (e) => this.voegIn(e),
      }, h("option", { value: "" }, controle.woorden.invoegen),
      groepen.map(([naam, lijst]) => h("optgroup", { key: naam, label: naam },
        lijst.map((v) => h("option", { key: v.invoegen, value: v.invoegen }, v.naam))))),
      voorgesteld ? h("button", { type: "button", className: `${EIGEN.tekst}-voorstel`,
        onClick: () => onChange(voorgesteld) }, `${controle.woorden.voorstel} ${voorgesteld}`) : null,
      hier.map((b) => h("p", { key: b.tekst, className: `${EIGEN.tekst}-${b.soort}` }, b.tekst)));
  },
});
CMS.registerFieldType(EIGEN.tekst, Tekst);

// The same check again just before the file is written: the Controle field blocks the save
// only while it is on screen (the CMS leaves a long form's far fields out of the page), this
// blocks it always. Nothing is written when it throws.
CMS.registerEventListener({
  name: "preSave",
  handler: async ({ entry }) => {
    const berichten = await controleer(entry.get("path"), entry.get("data").toJS());
    meld(berichten);
    const fouten = berichten.filter((b) => b.soort === "fout");
    // "saving_failed" with a cause: the CMS shows the cause's words in its dialog
    const woorden = [controle.woorden.fouten, ...fouten.map((b) => b.tekst)].join("\n");
    if (fouten.length) throw new Error("saving_failed", { cause: new Error(woorden) });
  },
});

CMS.registerEventListener({
  name: "postSave",
  handler: ({ entry }) => {
    const bron = entry.get("data").get(EIGEN.bron);
    if (ongezien.has(bron)) {
      opgeslagen.set(bron, ongezien.get(bron));
      werkkopie.set(entry.get("path"), ongezien.get(bron)); // the next check reads what she saved
    }
    ongezien.delete(bron);
    onopgeslagen = false;
    zeg(OEFENEN ? controle.woorden.opgeslagen_oefenen : controle.woorden.opgeslagen);
  },
});

// Terug and × (the CMS's own buttons, by their labels in its Dutch words) ask first when
// something would be lost: an item removed, or changes not yet saved.
document.addEventListener("click", (e) => {
  const knop = e.target instanceof Element ? e.target.closest("button, [role=button]") : null;
  if (!knop) return;
  const naam = knop.getAttribute("aria-label") ?? knop.textContent.trim();
  const vraag = controle.cms_knoppen.weg.includes(naam) ? controle.woorden.weg_vragen
    : controle.cms_knoppen.terug.includes(naam) && onopgeslagen ? controle.woorden.terug_vragen : null;
  if (vraag && !window.confirm(vraag)) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }
}, true);

// Which file is open, in the editor's own header: on a phone the CMS shows only the back
// button and Opslaan there. The label is the configuration's (cms.py), by the entry's address.
const LABELS = Object.fromEntries(config.collections[0].files.map((f) => [f.name, f.label]));
function toonTitel() {
  const naam = decodeURIComponent(location.hash.split("/entries/")[1] ?? "");
  const terug = document.querySelector(`button[aria-label="${controle.cms_knoppen.terug.at(-1)}"]`);
  let titel = document.querySelector(".meldcode-bestandstitel");
  if (!LABELS[naam] || !terug) {
    titel?.remove();
    return;
  }
  if (!titel || titel.previousElementSibling !== terug) {
    titel?.remove();
    titel = document.createElement("p");
    titel.className = "meldcode-bestandstitel";
    terug.after(titel);
  }
  if (titel.textContent !== LABELS[naam]) titel.textContent = LABELS[naam];
}
new MutationObserver(toonTitel).observe(document.body, { childList: true, subtree: true });

// Where she is and what a save does: the practice repository publishes nothing, and says so on
// the sign-in screen and in the editor; after a save, what follows.
const OEFENEN = config.backend.name === "test-repo";
const uitleg = document.querySelector(".redactie-uitleg");
const status = document.createElement("p");
status.className = "redactie-status";
status.setAttribute("role", "status");
uitleg?.after(status);
function zeg(tekst) {
  status.textContent = tekst;
}
if (OEFENEN) zeg(controle.woorden.oefenen);

await vulTestrepository();
await CMS.init({ config });
// Python starts when the page is first idle (she reads the sign-in screen): started with the
// page, on a two-core machine, each slowed the other (a form editable at 3.3 s instead of
// 2.7 s). Without requestIdleCallback (Safari), at once.
const wanneerStil = window.requestIdleCallback ?? ((doe) => setTimeout(doe, 0));
wanneerStil(() => startPython(), { timeout: 2000 });
