/* On a narrow screen a chart scrolls sideways; start it at its main column
 * (data-midden names that node) instead of at its left edge. */
"use strict";

document.querySelectorAll(".kaart-houder[data-midden]").forEach((houder) => {
  const midden = document.getElementById(houder.dataset.midden);
  if (!midden || houder.scrollWidth <= houder.clientWidth) return;
  const vak = midden.getBoundingClientRect();
  const kader = houder.getBoundingClientRect();
  houder.scrollLeft += vak.left + vak.width / 2 - (kader.left + kader.width / 2);
});
