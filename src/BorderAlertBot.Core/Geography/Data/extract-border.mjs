// Extracts the land boundary shared by two countries from Natural Earth 1:10m (world-atlas) as a small GeoJSON line.
// Run from a scratch folder that has the packages installed (see README.md next to this file):
//   npm install world-atlas@2.0.2 topojson-client@3.1.0
//   node extract-border.mjs 104 156 CN-MM > border-cn-mm.geojson
import { createRequire } from "node:module";

const require = createRequire(`${process.cwd()}/`);
const topojson = require("topojson-client");
const topology = require("world-atlas/countries-10m.json");

const [idA, idB, pair] = process.argv.slice(2);
if (!idA || !idB || !pair) {
  console.error("usage: node extract-border.mjs <iso-numeric-a> <iso-numeric-b> <PAIR, e.g. CN-MM>");
  process.exit(2);
}

// Show which countries the ids are, so a wrong id cannot go unnoticed.
for (const g of topology.objects.countries.geometries.filter((g) => g.id === idA || g.id === idB)) {
  console.error(`${g.id} ${g.properties.name}`);
}

const mesh = topojson.mesh(topology, topology.objects.countries,
  (a, b) => (a.id === idA && b.id === idB) || (a.id === idB && b.id === idA));
const round = (x) => Math.round(x * 1e5) / 1e5;
const coordinates = mesh.coordinates.map((line) => line.map(([lon, lat]) => [round(lon), round(lat)]));
console.error(`${coordinates.length} part(s), ${coordinates.reduce((n, line) => n + line.length, 0)} points`);

const feature = {
  type: "Feature",
  properties: { pair, source: "Natural Earth 1:10m admin-0 via world-atlas 2.0.2" },
  geometry: { type: "MultiLineString", coordinates },
};
console.log(JSON.stringify(feature));
