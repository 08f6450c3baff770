/* The werkblad file: build it, check it, and read it back. Used by the werkblad pages
 * (werkblad.js) and by the helper's uitkomst (werkblad-verslag.js). Pure functions, no
 * DOM (only download() touches the page, when called): everything a file holds is checked
 * here before any form is touched.
 * The format is documented on the page "Het werkbladbestand" (docs/over/werkbladbestand.md). */
import { isoDatum } from "./datum.js";
import { woorden } from "./woorden.js";

const w = woorden("werkblad-file.js");

export const SOORT = "meldcode-werkblad";
export const FORMAAT = 1;
export const MAX_BYTES = 2 * 1024 * 1024; // a full form is a few dozen kB; anything this big is not one
export const MAX_TEKENS = 20000; // per field: about ten typed pages
export const MAX_FIELDS = 2000;
/* Each werkblad's name by id (generator/pages/werkbladen.py, through the page's words). */
export function namen() {
  return w("namen");
}

export class FileError extends Error {
  /** @type {string | null} the werkblad the file belongs to, when it is another one of this site's */
  werkblad = null;
}

export function make(werkblad, protocol, velden, opgeslagen = new Date()) {
  return {
    soort: SOORT,
    formaat: FORMAAT,
    werkblad,
    protocol: { titel: protocol.titel, school: protocol.school, versie: protocol.versie },
    opgeslagen: opgeslagen.toISOString(),
    velden,
  };
}

export function bestandsnaam(werkblad, d = new Date()) {
  return `${werkblad}-${isoDatum(d)}.json`;
}

export function download(data) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = bestandsnaam(data.werkblad);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// "… at position 123 (line 4 column 5)" or "… at position 123": the line, for the message
function regelVan(tekst, fout) {
  const m = /line (\d+)/.exec(fout.message) || null;
  if (m) return Number(m[1]);
  const p = /position (\d+)/.exec(fout.message);
  return p ? tekst.slice(0, Number(p[1])).split("\n").length : null;
}

const isTekst = (v, max) => typeof v === "string" && v.length <= max;

/* Text of a file → a checked werkblad object, or a FileError with a Dutch message that
 * says what is wrong and what to do. `verwacht` is the werkblad this page shows. */
export function read(tekst, verwacht) {
  if (!tekst.trim()) throw new FileError(w("leeg"));
  const begin = tekst.trimStart()[0];
  if (begin !== "{") {
    throw new FileError(w("geen_json"));
  }
  let data;
  try {
    data = JSON.parse(tekst);
  } catch (e) {
    const regel = regelVan(tekst, e);
    throw new FileError(regel ? w("onleesbaar_regel", { regel }) : w("onleesbaar"));
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || data.soort !== SOORT) {
    throw new FileError(w("geen_werkblad"));
  }
  if (!Number.isInteger(data.formaat) || data.formaat < 1) {
    throw new FileError(w("formaat"));
  }
  if (data.formaat > FORMAAT) {
    throw new FileError(w("nieuwer", { formaat: data.formaat, leest: FORMAAT }));
  }
  if (data.werkblad !== verwacht) {
    const naam = namen()[data.werkblad];
    const fout = new FileError(naam ? w("ander_werkblad", { naam }) : w("onbekend_werkblad"));
    fout.werkblad = naam ? data.werkblad : null;
    throw fout;
  }
  const p = data.protocol;
  if (!p || typeof p !== "object" || !isTekst(p.versie, 100)) {
    throw new FileError(w("geen_versie"));
  }
  if (!Array.isArray(data.velden) || data.velden.length > MAX_FIELDS) {
    throw new FileError(w("geen_velden"));
  }
  const velden = data.velden.map((v, i) => {
    const nummer = i + 1;
    if (!v || typeof v !== "object" || !isTekst(v.id, 200)) {
      throw new FileError(w("veld_naam", { nummer }));
    }
    if (v.tekst !== undefined && v.tekst !== null && !isTekst(v.tekst, 5000)) {
      throw new FileError(w("veld_vraag", { nummer }));
    }
    if (typeof v.waarde === "string") {
      if (v.waarde.length > MAX_TEKENS) {
        const veld = JSON.stringify((v.tekst || v.id).slice(0, 80));
        throw new FileError(w("veld_lang", { veld, tekens: v.waarde.length.toLocaleString("nl-NL"), max: MAX_TEKENS.toLocaleString("nl-NL") }));
      }
    } else if (typeof v.waarde !== "boolean") {
      throw new FileError(w("veld_waarde", { nummer }));
    }
    return { id: v.id, tekst: typeof v.tekst === "string" ? v.tekst : null, waarde: v.waarde };
  });
  return { formaat: data.formaat, werkblad: data.werkblad, protocol: { versie: p.versie }, opgeslagen: isTekst(data.opgeslagen, 40) ? data.opgeslagen : null, velden };
}

