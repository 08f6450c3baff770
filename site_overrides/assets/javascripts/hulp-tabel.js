/* The questions from the engine's own table while the engine loads. The table (Sessie.tabel,
 * made at build time and put in the page) holds every knoop as the engine shows it and, per
 * answer, where it leads. This module follows it, nothing more: it decides no route of its
 * own, and gives states in the engine's shape, so the page draws them as it draws the
 * engine's. When the engine is ready it walks the same answers again, and its route counts.
 * Pure: no DOM, so node --test covers it. */

/* A walk over `tabel` with the engine's methods (answer, back, restart, ga_naar, state) and
 * its state shape: {huidig, uitkomst, route, kan_terug, woorden}. Only the uitkomst is bare
 * ({id}): its content, dates and verslag are the engine's alone. */
export function tabelSessie(tabel) {
  const onthouden = new Map(); // knoop → {antwoord, onderbouwing}, as the engine keeps them
  let stappen = 0; // how many answers of the route count

  const antwoordVan = (knoop, id) => tabel.knopen[knoop].antwoorden.find((a) => a.id === id);

  // the route so far, recomputed from the start along the remembered answers
  function loop() {
    const route = [];
    let huidig = tabel.start;
    for (let i = 0; i < stappen; i++) {
      const { antwoord, onderbouwing } = onthouden.get(huidig);
      const gekozen = antwoordVan(huidig, antwoord);
      route.push({ knoop: huidig, antwoord, label: gekozen.label, onderbouwing });
      huidig = gekozen.volgende;
    }
    return { route, huidig };
  }

  function state() {
    const { route, huidig } = loop();
    const knoop = tabel.knopen[huidig];
    return {
      huidig: knoop ? { ...structuredClone(knoop), onthouden: onthouden.get(huidig) || null } : null,
      uitkomst: knoop ? null : { id: huidig },
      route,
      kan_terug: stappen > 0,
      woorden: tabel.woorden,
    };
  }

  // every remembered answer from the start, as far as they lead: past the current place too,
  // where the user went back (the engine takes these over, so Forward still works)
  function keten() {
    const stappenLijst = [];
    let huidig = tabel.start;
    while (onthouden.has(huidig)) {
      const { antwoord, onderbouwing } = onthouden.get(huidig);
      stappenLijst.push({ knoop: huidig, antwoord, onderbouwing });
      huidig = antwoordVan(huidig, antwoord).volgende;
    }
    return stappenLijst;
  }

  return {
    state,
    keten,
    answer(knoop, antwoord, onderbouwing = "") {
      // the page only offers the current knoop's answers; anything else is a fault in the page
      if (loop().huidig !== knoop || !antwoordVan(knoop, antwoord)) throw new Error(`${knoop}: ${antwoord}`);
      onthouden.set(knoop, { antwoord, onderbouwing: (onderbouwing || "").trim() });
      stappen += 1;
      return state();
    },
    back() {
      stappen = Math.max(0, stappen - 1);
      return state();
    },
    restart() {
      onthouden.clear();
      stappen = 0;
      return state();
    },
    // Back and Forward of the browser: back along the route, or forward along the answers
    // remembered; a place they do not lead to leaves the walk where it is
    ga_naar(doel) {
      let { huidig } = loop();
      let verder = stappen;
      while (huidig !== doel && onthouden.has(huidig)) {
        huidig = antwoordVan(huidig, onthouden.get(huidig).antwoord).volgende;
        verder += 1;
      }
      if (huidig === doel) stappen = verder;
      else {
        const terug = loop().route.findIndex((stap) => stap.knoop === doel);
        if (terug >= 0) stappen = terug;
      }
      return state();
    },
  };
}

// where a state stands: the knoop asked, or the uitkomst reached
export const plaats = (state) => (state.uitkomst ? state.uitkomst.id : state.huidig.id);

/* Whether two states stand at the same place by the same answers (the onderbouwingen aside). */
export function zelfdeRoute(a, b) {
  const sleutel = (state) => [plaats(state), ...state.route.map((s) => `${s.knoop}=${s.antwoord}`)].join(" ");
  return sleutel(a) === sleutel(b);
}
