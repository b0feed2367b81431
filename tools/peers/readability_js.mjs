// Run Mozilla's Readability.js over HTML files; one JSON object a line on stdout
// ({source, title, text}, score.py's shape). A measuring tool only: see README.md.
//   NODE_PATH=/tmp/peers-node/node_modules node tools/peers/readability_js.mjs FILE... (or file names on stdin)
import { createRequire } from "module";
import fs from "fs";
import zlib from "zlib";
import path from "path";
const require = createRequire(path.join(process.env.NODE_PATH || "/tmp/peers-node/node_modules", "x.js"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const BLOCK = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DIV", "DL", "DT",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN",
  "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD", "TH", "THEAD", "TR", "UL"]);

// The article HTML as text: a line break around every block, spaces folded.
function toText(node) {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === 3) { out.push(n.nodeValue); return; }
    if (n.nodeType !== 1) return;
    const block = BLOCK.has(n.nodeName);
    if (block) out.push("\n");
    for (const c of n.childNodes) walk(c);
    if (block) out.push("\n");
  };
  walk(node);
  return out.join("").split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l).join("\n");
}

// The page's text, decoded as copydesk would see it whatever the page declares:
// UTF-8 when the bytes are valid UTF-8, else the charset a <meta> names, else windows-1252.
function decode(buf) {
  try { return new TextDecoder("utf-8", { fatal: true }).decode(buf); } catch (e) { /* not UTF-8 */ }
  const head = buf.subarray(0, 4096).toString("latin1");
  const m = /<meta[^>]*charset\s*=\s*["']?\s*([-\w:.]+)/i.exec(head);
  if (m) { try { return new TextDecoder(m[1]).decode(buf); } catch (e) { /* unknown label */ } }
  return new TextDecoder("windows-1252").decode(buf);
}

const SCRIPT = /<script(?![^>]*ld\+json)(?:\s[^>]*)?>[\s\S]*?<\/script\s*>/gi;
const STYLE = /<style(?:\s[^>]*)?>[\s\S]*?<\/style\s*>/gi;

let files = process.argv.slice(2);
if (files.length === 0) files = fs.readFileSync(0, "utf8").split("\n").filter((l) => l);
const vc = new VirtualConsole();
for (const f of files) {
  let rec = { source: f, title: "", text: "" };
  try {
    let buf = fs.readFileSync(f);
    if (f.endsWith(".gz")) buf = zlib.gunzipSync(buf);
    // Readability removes every <script> and <style> first thing (only JSON-LD is read, for metadata);
    // cutting them before jsdom parses them gives the same article several times faster.
    const html = decode(buf).replace(SCRIPT, "").replace(STYLE, "");
    const dom = new JSDOM(html, { url: "http://localhost/", contentType: "text/html", virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    if (art) {
      rec.title = art.title || "";
      const frag = new JSDOM("<!doctype html><body>" + (art.content || "") + "</body>", { virtualConsole: vc });
      rec.text = toText(frag.window.document.body);
    }
    dom.window.close();
  } catch (e) {
    rec.error = String(e).slice(0, 200);
  }
  process.stdout.write(JSON.stringify(rec) + "\n");
}
