/* The werkblad file: build it, check it, and read it back. Used by the werkblad pages
 * (werkblad.js) and by the helper's uitkomst (werkblad-verslag.js). Pure functions, no
 * DOM (only download() touches the page, when called): everything a file holds is checked
 * here before any form is touched.
 * The format is documented on the page "Het werkbladbestand" (docs/over/werkbladbestand.md). */
import { isoDatum } from "./datum.js";

export const SOORT = "meldcode-werkblad";
export const FORMAAT = 1;
export const MAX_BYTES = 2 * 1024 * 1024; // a full form is a few dozen kB; anything this big is not one
export const MAX_TEKENS = 20000; // per field: about ten typed pages
export const MAX_FIELDS = 2000;
export const NAMEN = {
  "signalen-vastleggen": "Signalen vastleggen",
  overlegformulier: "Overlegformulier",
  "gesprek-met-ouders": "Gesprek met ouders",
};

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
  if (!tekst.trim()) throw new FileError("Het bestand is leeg. Kies het bestand dat u met Opslaan als bestand hebt gemaakt.");
  const begin = tekst.trimStart()[0];
  if (begin !== "{") {
    throw new FileError("Dit is geen werkbladbestand van deze site. Kies een bestand dat u hier met Opslaan als bestand hebt gemaakt (het eindigt op .json).");
  }
  let data;
  try {
    data = JSON.parse(tekst);
  } catch (e) {
    const regel = regelVan(tekst, e);
    throw new FileError(
      `Het bestand is beschadigd of niet volledig${regel ? ` (de fout zit in regel ${regel})` : ""}. Open een andere kopie, of vul het formulier opnieuw in.`,
    );
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || data.soort !== SOORT) {
    throw new FileError("Dit is geen werkbladbestand van deze site. Kies een bestand dat u hier met Opslaan als bestand hebt gemaakt.");
  }
  if (!Number.isInteger(data.formaat) || data.formaat < 1) {
    throw new FileError("Het bestand is beschadigd: het formaatnummer ontbreekt of klopt niet. Open een andere kopie.");
  }
  if (data.formaat > FORMAAT) {
    throw new FileError(
      `Dit bestand is gemaakt met een nieuwere versie van de site (formaat ${data.formaat}; deze pagina leest formaat ${FORMAAT}). Open het op de nieuwste versie van de site; vernieuw de pagina als u die net hebt.`,
    );
  }
  if (data.werkblad !== verwacht) {
    const naam = NAMEN[data.werkblad];
    const fout = new FileError(
      naam
        ? `Dit bestand hoort bij het werkblad ${naam}, niet bij dit werkblad. Open het op de pagina ${naam}.`
        : "Dit bestand hoort bij geen van de werkbladen van deze site.",
    );
    fout.werkblad = naam ? data.werkblad : null;
    throw fout;
  }
  const p = data.protocol;
  if (!p || typeof p !== "object" || !isTekst(p.versie, 100)) {
    throw new FileError("Het bestand is beschadigd: de versie van het protocol ontbreekt. Open een andere kopie.");
  }
  if (!Array.isArray(data.velden) || data.velden.length > MAX_FIELDS) {
    throw new FileError("Het bestand is beschadigd: de ingevulde velden ontbreken. Open een andere kopie.");
  }
  const velden = data.velden.map((v, i) => {
    const waar = `veld ${i + 1}`;
    if (!v || typeof v !== "object" || !isTekst(v.id, 200)) {
      throw new FileError(`Het bestand is beschadigd bij ${waar}: het veld heeft geen naam. Open een andere kopie.`);
    }
    if (v.tekst !== undefined && v.tekst !== null && !isTekst(v.tekst, 5000)) {
      throw new FileError(`Het bestand is beschadigd bij ${waar}: de vraag is geen tekst of veel te lang. Open een andere kopie.`);
    }
    if (typeof v.waarde === "string") {
      if (v.waarde.length > MAX_TEKENS) {
        throw new FileError(
          `Het veld ${JSON.stringify((v.tekst || v.id).slice(0, 80))} bevat ${v.waarde.length.toLocaleString("nl-NL")} tekens; een werkblad bevat ten hoogste ${MAX_TEKENS.toLocaleString("nl-NL")} tekens per veld. Dit bestand is niet geopend.`,
        );
      }
    } else if (typeof v.waarde !== "boolean") {
      throw new FileError(`Het bestand is beschadigd bij ${waar}: de ingevulde waarde is geen tekst. Open een andere kopie.`);
    }
    return { id: v.id, tekst: typeof v.tekst === "string" ? v.tekst : null, waarde: v.waarde };
  });
  return { formaat: data.formaat, werkblad: data.werkblad, protocol: { versie: p.versie }, opgeslagen: isTekst(data.opgeslagen, 40) ? data.opgeslagen : null, velden };
}

