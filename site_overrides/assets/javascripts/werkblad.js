/* A werkblad page: fill in, save as the user's own file, open it again, print.
 * Nothing is stored or sent: the input lives in the page and in the file the user
 * downloads. Fields carry their id (`name`) and their question (`data-tekst`), both
 * generated from protocol/; this module knows no protocol text. The werkblad pages' entry
 * module. */
import { datumTekst, isoAlsTekst } from "./datum.js";
import { closestTo, el } from "./dom.js";
import * as bestand from "./werkblad-file.js";
import { woorden } from "./woorden.js";

const w = woorden("werkblad.js");

(() => {
  const form = document.getElementById("werkblad");
  if (!form) return;
  const werkblad = form.dataset.werkblad;
  const protocol = { titel: form.dataset.protocol, school: form.dataset.school, versie: form.dataset.versie };
  const kiezer = /** @type {HTMLInputElement} */ (document.querySelector(".werkblad-bestand"));
  const status = document.querySelector(".werkblad-status");
  const fout = /** @type {HTMLElement} */ (document.querySelector(".werkblad-fout"));
  const wijzigingen = /** @type {HTMLElement} */ (document.querySelector(".werkblad-wijzigingen"));
  // inputs and textareas; what is read of them (name, type, value, checked) both have or is false
  const velden = () => /** @type {HTMLInputElement[]} */ (Array.from(form.querySelectorAll("input[name], textarea[name]")));

  // each ticked signal gets a date and an observation: cloned from the page's template
  const sjabloon = /** @type {HTMLTemplateElement | null} */ (form.querySelector("template.werkblad-details-sjabloon"));
  if (sjabloon) {
    form.querySelectorAll("[data-details] .werkblad-items > li").forEach((item) => {
      const box = /** @type {HTMLInputElement} */ (item.querySelector("input[type=checkbox]"));
      const details = /** @type {HTMLElement} */ (sjabloon.content.firstElementChild.cloneNode(true));
      details.dataset.bij = box.name;
      details.hidden = true;
      details.querySelectorAll("[data-veld]").forEach((/** @type {HTMLLabelElement} */ n) => {
        const id = `wb-${box.name}-${n.dataset.veld}`;
        if (n.tagName === "LABEL") n.htmlFor = id;
        else Object.assign(n, { id, name: `${box.name}-${n.dataset.veld}` });
        if (n.tagName !== "LABEL") n.dataset.signaal = box.name;
      });
      item.append(details);
    });
  }

  /* The question or signal a field answers, as the file keeps it: the field's own
   * data-tekst, else the text of the checkbox's label (of the signal it belongs to). */
  function tekstVan(veld) {
    if (veld.dataset.tekst) return veld.dataset.tekst;
    const box = veld.dataset.signaal ? form.querySelector(`input[name="${CSS.escape(veld.dataset.signaal)}"]`) : veld;
    const label = box && box.closest("label");
    return label ? label.textContent.replace(/\s+/g, " ").trim() : null;
  }

  let gewijzigd = false; // input that is not in a saved file yet
  let verweesd = []; // fields from an opened file that this form no longer has: kept, shown, saved again

  // --- print: a copy of each text as plain text, since a textarea prints clipped ------------
  function spiegel(veld) {
    if (veld.type === "checkbox") return;
    let kopie = veld.nextElementSibling;
    if (!kopie || !kopie.classList.contains("werkblad-afdruk")) {
      kopie = el("div", { class: "werkblad-afdruk", "aria-hidden": "true" });
      veld.after(kopie);
    }
    kopie.textContent = veld.type === "date" && veld.value ? isoAlsTekst(veld.value) : veld.value;
  }

  function bijwerken() {
    let vinkjes = 0;
    for (const veld of velden()) {
      if (veld.type === "checkbox") {
        const details = /** @type {HTMLElement | null} */ (form.querySelector(`[data-bij="${CSS.escape(veld.name)}"]`));
        if (details) details.hidden = !veld.checked;
        veld.closest("li").classList.toggle("is-aangevinkt", veld.checked);
        if (veld.checked) vinkjes += 1;
      } else {
        spiegel(veld);
      }
    }
    form.classList.toggle("heeft-vinkjes", vinkjes > 0);
    // a folded category says how many of its signals are ticked (the words are the page's)
    form.querySelectorAll("details.werkblad-categorie").forEach((categorie) => {
      const aantal = categorie.querySelectorAll("input[type=checkbox]:checked").length;
      categorie.querySelector(".werkblad-aantal").textContent = String(aantal);
      /** @type {HTMLElement} */ (categorie.querySelector(".werkblad-telling")).hidden = aantal === 0;
    });
    document.querySelectorAll(".werkblad-afgedrukt").forEach((n) => {
      n.textContent = datumTekst();
    });
  }

  function melding(tekst) {
    status.textContent = tekst;
  }

  function toonFout(naam, tekst, link) {
    if (!tekst) {
      fout.hidden = true;
      fout.replaceChildren();
      return;
    }
    const delen = [
      el("p", {}, el("strong", { text: w("niet_geopend", { bestand: naam }) }), tekst),
      link ? el("p", {}, el("a", { href: link.href, text: w("naar_werkblad", { naam: link.naam }) })) : null,
      el("p", { text: w("niet_veranderd") }),
    ];
    fout.replaceChildren(...delen.filter(Boolean));
    fout.hidden = false;
    fout.focus();
  }

  // --- form ⇄ file ----------------------------------------------------------------------
  function verzamel() {
    const uit = [];
    for (const veld of velden()) {
      const waarde = veld.type === "checkbox" ? veld.checked : veld.value;
      if (waarde === false || waarde === "") continue;
      uit.push({ id: veld.name, tekst: tekstVan(veld), waarde });
    }
    return uit.concat(verweesd);
  }

  function leeg() {
    for (const veld of velden()) {
      if (veld.type === "checkbox") veld.checked = false;
      else veld.value = "";
    }
    verweesd = [];
    wijzigingen.hidden = true;
    wijzigingen.replaceChildren();
  }

  /* Put a checked file into the form. What the form no longer has is kept aside and
   * shown; a question whose wording changed is filled in and named. */
  function vulIn(data) {
    leeg();
    const opNaam = new Map(velden().map((v) => [v.name, v]));
    const anders = [];
    for (const v of data.velden) {
      const veld = opNaam.get(v.id);
      const past = veld && (veld.type === "checkbox" ? typeof v.waarde === "boolean" : typeof v.waarde === "string");
      if (!past) {
        verweesd.push(v);
        continue;
      }
      if (veld.type === "checkbox") veld.checked = v.waarde;
      else veld.value = v.waarde;
      const nu = tekstVan(veld);
      if (v.tekst && nu && v.tekst !== nu && !anders.some((a) => a.nu === nu)) anders.push({ was: v.tekst, nu });
    }
    toonWijzigingen(data, anders);
    bijwerken();
  }

  function toonWijzigingen(data, anders) {
    const andereVersie = data.protocol.versie !== protocol.versie;
    if (!andereVersie && !anders.length && !verweesd.length) return;
    const inhoud = [
      el("p", {}, el("strong", { text: andereVersie ? w("andere_versie", { was: data.protocol.versie, nu: protocol.versie }) : w("formulier_veranderd") })),
    ];
    if (anders.length) {
      inhoud.push(
        el("p", { text: w("anders") }),
        el("ul", {}, anders.map((a) => el("li", {}, w("nu"), el("q", { text: a.nu }), w("in_bestand"), el("q", { text: a.was }), "."))),
      );
    }
    if (verweesd.length) {
      inhoud.push(
        el("p", { text: w("verweesd") }),
        el(
          "ul",
          { class: "werkblad-verweesd" },
          verweesd.map((v) => el("li", {}, el("strong", { text: v.tekst || v.id }), el("span", { class: "werkblad-verweesd-waarde", text: typeof v.waarde === "boolean" ? w(v.waarde ? "aangevinkt" : "niet_aangevinkt") : v.waarde }))),
        ),
      );
    } else if (andereVersie && !anders.length) {
      inhoud.push(el("p", { text: w("zelfde_vragen") }));
    }
    wijzigingen.replaceChildren(...inhoud);
    wijzigingen.hidden = false;
  }

  async function open(file) {
    toonFout("", "");
    melding("");
    const naam = w("bestand", { naam: JSON.stringify(file.name) });
    if (file.size > bestand.MAX_BYTES) {
      const mb = (file.size / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 });
      toonFout(naam, w("te_groot", { mb, max: bestand.MAX_BYTES / 1024 / 1024 }));
      return;
    }
    let data;
    try {
      data = bestand.read(await file.text(), werkblad);
    } catch (e) {
      if (!(e instanceof bestand.FileError)) throw e;
      const link = e.werkblad ? { href: new URL(`../${e.werkblad}/`, location.href).pathname, naam: bestand.namen()[e.werkblad] } : null;
      toonFout(naam, e.message, link);
      return;
    }
    if (gewijzigd && !window.confirm(w("vervangen"))) {
      melding(w("niet_vervangen"));
      return;
    }
    vulIn(data);
    gewijzigd = false;
    melding(w("geopend", { bestand: naam }));
  }

  function opslaan() {
    bestand.download(bestand.make(werkblad, protocol, verzamel()));
    gewijzigd = false;
    melding(w("opgeslagen"));
  }

  function afdrukken(zonderInvoer) {
    bijwerken();
    document.body.classList.toggle("werkblad-leeg-afdrukken", zonderInvoer);
    window.print();
  }

  // --- events ------------------------------------------------------------------------------
  form.addEventListener("input", (event) => {
    gewijzigd = true;
    const veld = /** @type {HTMLInputElement} */ (event.target);
    if (veld.type !== "checkbox") spiegel(veld);
  });
  form.addEventListener("change", () => {
    gewijzigd = true;
    bijwerken();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  kiezer.addEventListener("change", () => {
    const file = kiezer.files[0];
    kiezer.value = ""; // the same file can be chosen again
    if (file) open(file);
  });
  document.addEventListener("click", (event) => {
    const knop = closestTo(event, ".werkblad-knoppen button[data-actie]");
    if (!knop) return;
    // what the page says after an action stands under the buttons she tapped, not a screen away
    const rij = knop.closest(".werkblad-knoppen");
    if (rij.nextElementSibling !== status) rij.after(status);
    const actie = knop.dataset.actie;
    if (actie === "opslaan") opslaan();
    else if (actie === "openen") kiezer.click();
    else if (actie === "afdrukken") afdrukken(false);
    else if (actie === "leeg-afdrukken") afdrukken(true);
    else if (actie === "wissen" && window.confirm(w("wissen"))) {
      leeg();
      toonFout("", "");
      bijwerken();
      gewijzigd = false;
      melding(w("gewist"));
    }
  });
  // print shows every category's signals (a folded one prints nothing); afterwards as it was
  let gevouwen = [];
  window.addEventListener("beforeprint", () => {
    bijwerken();
    gevouwen = /** @type {HTMLDetailsElement[]} */ (Array.from(form.querySelectorAll("details.werkblad-categorie:not([open])")));
    gevouwen.forEach((d) => {
      d.open = true;
    });
  });
  window.addEventListener("afterprint", () => {
    document.body.classList.remove("werkblad-leeg-afdrukken");
    gevouwen.forEach((d) => {
      d.open = false;
    });
    gevouwen = [];
  });
  window.addEventListener("beforeunload", (event) => {
    if (!gewijzigd) return;
    event.preventDefault();
    event.returnValue = ""; // older browsers need this to ask
  });

  fout.tabIndex = -1;
  document.querySelectorAll(".werkblad-knoppen").forEach((/** @type {HTMLElement} */ k) => {
    k.hidden = false;
  });
  leeg(); // a browser may restore fields on reload; the page starts empty, the user's file holds the work
  bijwerken();
})();
