/* The case module (oefencasussen.js) and its data load only when a trainee picks a case,
 * so the page stays light for everyone who only walks the chart. Imported by oefenen.js. */
import { woorden } from "./woorden.js";

// also oefencasussen.js's, when its cases cannot load
export const notLoadedText = () => woorden("oefencasussen-laden.js")("niet_geladen");

const lijst = document.getElementById("oefencasus");

function eerste(event) {
  const kies = event.target.closest("[data-casus]");
  if (!kies) return;
  lijst.removeEventListener("click", eerste);
  import("./oefencasussen.js").then(
    (casussen) => casussen.choose(kies.dataset.casus),
    () => {
      lijst.addEventListener("click", eerste);
      lijst.querySelector(".casus-score").textContent = notLoadedText();
    },
  );
}

if (lijst) lijst.addEventListener("click", eerste);
