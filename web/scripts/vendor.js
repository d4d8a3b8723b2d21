// Copies the browser builds of the pinned npm packages into public/vendor/,
// so the page serves every asset itself (no CDN). Runs after `npm ci`.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "public", "vendor");
const modules = path.join(root, "node_modules");
const files = [
  ["socket.io-client/dist/socket.io.min.js", "socket.io.min.js"],
  ["socket.io-client/dist/socket.io.min.js.map", "socket.io.min.js.map"],
  ["socket.io-client/LICENSE", "socket.io-client.LICENSE.txt"],
];

fs.mkdirSync(out, { recursive: true });
for (const [from, to] of files) {
  fs.copyFileSync(path.join(modules, from), path.join(out, to));
}
const version = require(path.join(modules, "socket.io-client", "package.json")).version;
fs.writeFileSync(path.join(out, "VERSIONS.txt"), `socket.io-client ${version}\n`);
console.log(`vendored socket.io-client ${version} into public/vendor/`);
