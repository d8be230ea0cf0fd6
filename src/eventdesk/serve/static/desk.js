// eventdesk: the little JavaScript the desk needs (no inline scripts: the CSP forbids them).
"use strict";

// Article page: mark every piece of the span named in the URL fragment (#ev-START-END) and
// scroll to it.  The server already marks the span named by ?hl=, so this only matters for
// links inside the page (the facts table) and fragment-only links.
function markFragment() {
  var m = /^#ev-(\d+)-(\d+)$/.exec(window.location.hash);
  if (!m) return;
  var key = m[1] + "-" + m[2];
  var marks = document.querySelectorAll("mark.ev");
  var first = null;
  for (var i = 0; i < marks.length; i++) {
    var keys = (marks[i].getAttribute("data-ev") || "").split(" ");
    var on = keys.indexOf(key) >= 0;
    marks[i].classList.toggle("current", on);
    if (on && !first) first = marks[i];
  }
  if (first) first.scrollIntoView({ block: "center" });
}

// Incident page: a Leaflet map when the vendored Leaflet loaded; tiles may not load (offline
// machines), so the marker is always drawn and the note about tiles stays until one loads.
function initMap() {
  var el = document.getElementById("map");
  if (!el || typeof window.L === "undefined") return;
  var lat = parseFloat(el.getAttribute("data-lat"));
  var lon = parseFloat(el.getAttribute("data-lon"));
  if (isNaN(lat) || isNaN(lon)) return;
  var canvas = document.createElement("div");
  canvas.className = "leaflet-canvas";
  canvas.style.height = "100%";
  el.appendChild(canvas);
  el.classList.add("leaflet-on");
  var map = window.L.map(canvas, { attributionControl: true }).setView([lat, lon], 11);
  var note = document.getElementById("map-note");
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    var layer = window.L.tileLayer(tiles, {
      maxZoom: 18,
      attribution: "© OpenStreetMap contributors",
    });
    layer.on("tileload", function () { if (note) note.classList.add("hidden"); });
    layer.on("tileerror", function () { if (note) note.classList.remove("hidden"); });
    layer.addTo(map);
  }
  // textContent-based tooltip: the label is article-derived text, never HTML.
  var marker = window.L.marker([lat, lon]).addTo(map);
  var label = document.createElement("span");
  label.textContent = el.getAttribute("data-label") || "";
  marker.bindTooltip(label);
  el.setAttribute("data-map", "leaflet");
}

document.addEventListener("DOMContentLoaded", function () {
  markFragment();
  initMap();
});
window.addEventListener("hashchange", markFragment);
