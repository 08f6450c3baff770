import assert from "node:assert/strict";
import { test } from "node:test";

import { actieBlok, antwoordRegel, codeRef, datumVeld, hoofdletter } from "../../site_overrides/assets/javascripts/hulp-uitkomst.js";
import { metDocument } from "./nep-document.mjs";

const ACTIE = {
  tekst: "Bespreek de signalen.",
  rol: { naam: "Aandachtsfunctionaris", invulling: "mevrouw Jansen" },
  contact: { naam: "Veilig Thuis", telefoon: "0800-2000", href: "tel:+318002000" },
  wanneer: { soort: "termijn", tekst: "binnen drie werkdagen", moment: "melding" },
  termijn: { vanaf: { datum: "de datum van de melding" } },
};

test("actieBlok says what, who, whom to call and when", () => {
  const li = metDocument(() => actieBlok(ACTIE));
  assert.equal(li.attributes.class, "doorlopen-actie-termijn");
  assert.deepEqual(
    li.childNodes.map((n) => n.textContent),
    [
      "Bespreek de signalen.",
      "Wie: Aandachtsfunctionaris (mevrouw Jansen)",
      "Bellen: Veilig Thuis 0800-2000",
      "Wanneer: binnen drie werkdagen",
      "Datum: vul hieronder de datum van de melding in",
    ],
  );
  const bellen = li.childNodes[2].childNodes.at(-1);
  assert.equal(bellen.tagName, "A");
  assert.equal(bellen.attributes.href, "tel:+318002000");
});

test("actieBlok with a date shows the date", () => {
  const li = metDocument(() => actieBlok({ ...ACTIE, rol: null, contact: null, wanneer: { ...ACTIE.wanneer, datum_tekst: "maandag 7 december 2026" } }));
  assert.deepEqual(
    li.childNodes.map((n) => n.textContent),
    ["Bespreek de signalen.", "Wanneer: binnen drie werkdagen", "Datum: maandag 7 december 2026"],
  );
});

test("antwoordRegel: the question, the answer, where it comes from, the onderbouwing", () => {
  const li = metDocument(() =>
    antwoordRegel({ soort: "beslissing", nummer: 2, vraag: "Is hulp mogelijk?", label: "Nee", betekenis: "geen hulp", herkomst: "afgeleid", code: "B2", onderbouwing: "Zie gesprek." }),
  );
  assert.deepEqual(
    li.childNodes.map((n) => n.textContent),
    ["Beslissing 2: Is hulp mogelijk?", "Nee, geen hulp (volgt uit de afwegingsvragen) (in het protocol: B2)", "Onderbouwing: Zie gesprek."],
  );
  assert.equal(codeRef({}), null);
});

test("datumVeld hands the new value to its callback; hoofdletter", () => {
  const gezien = [];
  const p = metDocument(() => datumVeld("startdatum", "Datum van dit verslag", "2026-12-03", (w) => gezien.push(w)));
  const [label, veld] = p.childNodes;
  assert.equal(label.attributes.for, "startdatum");
  assert.equal(veld.attributes.value, "2026-12-03");
  veld.value = "2026-12-04";
  veld.luisteraars.change();
  assert.deepEqual(gezien, ["2026-12-04"]);
  assert.equal(hoofdletter("datum van de melding"), "Datum van de melding");
});
