/* The case script (oefencasussen.js) and its data load only when a trainee picks a case,
 * so the page stays light for everyone who only walks the chart. */
"use strict";

(() => {
  const lijst = document.getElementById("oefencasus");
  const hier = document.currentScript;
  if (!lijst || !hier) return;
  function eerste(event) {
    const kies = event.target.closest("[data-casus]");
    if (!kies) return;
    lijst.removeEventListener("click", eerste);
    const script = document.createElement("script");
    script.src = hier.src.replace(/oefencasussen-laden\.js$/, "oefencasussen.js");
    script.onload = () => window.meldcodeOefencasussen.kies(kies.dataset.casus);
    script.onerror = () => {
      lijst.addEventListener("click", eerste);
      lijst.querySelector(".casus-score").textContent = "De casussen kunnen nu niet laden. Ze staan ook op de pagina Oefencasussen voor de trainer.";
    };
    document.head.append(script);
  }
  lijst.addEventListener("click", eerste);
})();
