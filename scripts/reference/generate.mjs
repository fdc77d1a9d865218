#!/usr/bin/env node
// Generates and validates the reference CSV files of src/main/resources/reference/.
//
//   node generate.mjs --decoupage DIR --naf DIR --out DIR   generate the derived files, then validate all
//   node generate.mjs --check --out DIR                      validate the files already in DIR (no network)
//
// DIR for --decoupage / --naf is the unpacked "package" folder of
// @etalab/decoupage-administratif and @socialgouv/codes-naf (see generate.sh).
// Derived files: regions.csv, departements.csv, epci.csv, communes.csv, naf.csv.
// Curated files (written by hand, only validated here): sectors.csv, labels.csv, cpv.csv.
// Any problem is reported and the process exits with status 1.

import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------- constants

const HEADERS = {
  'regions.csv': ['code', 'name'],
  'departements.csv': ['code', 'name', 'region_code'],
  'epci.csv': ['code', 'name', 'kind'],
  'communes.csv': ['code', 'name', 'departement_code', 'region_code', 'epci_code', 'ept_code', 'population', 'postcodes'],
  'naf.csv': ['code', 'label', 'level', 'parent_code'],
  'sectors.csv': ['group_code', 'group_label', 'code', 'label', 'naf_prefixes', 'cpv_prefixes'],
  'labels.csv': ['code', 'label', 'description', 'category', 'can_expire'],
  'cpv.csv': ['code'],
};

// The CPV 2008 main vocabulary has 9 454 codes (Regulation (EC) No 213/2008, Annex I).
const EXPECTED_CPV_CODES = 9454;

const EPCI_KINDS = new Set(['CC', 'CA', 'CU', 'METRO', 'MET69']);
const MGP_SIREN = '200054781'; // Métropole du Grand Paris
const EXPECTED_EPT = 11;

// NAF rév. 2 sections (INSEE labels) and the divisions each covers.
// The npm package has divisions, groups, classes and subclasses, not the sections.
const NAF_SECTIONS = [
  ['A', 'Agriculture, sylviculture et pêche', 1, 3],
  ['B', 'Industries extractives', 5, 9],
  ['C', 'Industrie manufacturière', 10, 33],
  ['D', "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné", 35, 35],
  ['E', "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution", 36, 39],
  ['F', 'Construction', 41, 43],
  ['G', "Commerce ; réparation d'automobiles et de motocycles", 45, 47],
  ['H', 'Transports et entreposage', 49, 53],
  ['I', 'Hébergement et restauration', 55, 56],
  ['J', 'Information et communication', 58, 63],
  ['K', "Activités financières et d'assurance", 64, 66],
  ['L', 'Activités immobilières', 68, 68],
  ['M', 'Activités spécialisées, scientifiques et techniques', 69, 75],
  ['N', 'Activités de services administratifs et de soutien', 77, 82],
  ['O', 'Administration publique', 84, 84],
  ['P', 'Enseignement', 85, 85],
  ['Q', 'Santé humaine et action sociale', 86, 88],
  ['R', 'Arts, spectacles et activités récréatives', 90, 93],
  ['S', 'Autres activités de services', 94, 96],
  ['T', "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre", 97, 98],
  ['U', 'Activités extra-territoriales', 99, 99],
];
const NAF_EXPECTED = { SECTION: 21, DIVISION: 88, GROUPE: 272, CLASSE: 615, SOUS_CLASSE: 732 };

// The 45 divisions of the CPV 2008 main vocabulary (Regulation (EC) No 213/2008).
const CPV_DIVISIONS = new Set([
  '03', '09', '14', '15', '16', '18', '19', '22', '24', '30', '31', '32', '33', '34', '35', '37', '38', '39',
  '41', '42', '43', '44', '45', '48', '50', '51', '55', '60', '63', '64', '65', '66', '70', '71', '72', '73',
  '75', '76', '77', '79', '80', '85', '90', '92', '98',
]);

const LABEL_CATEGORIES = new Set(['ENVIRONNEMENT', 'SOCIAL', 'QUALITE', 'TERRITOIRE', 'GOUVERNANCE']);

// Spot checks: [commune code, expected name, epci_code, ept_code ('' = none)].
const SPOT_CHECKS = [
  ['13001', 'Aix-en-Provence', '200054807', ''], // Métropole d'Aix-Marseille-Provence
  ['93010', 'Bondy', MGP_SIREN, '200057875'], // EPT Est Ensemble
  ['93048', 'Montreuil', MGP_SIREN, '200057875'], // EPT Est Ensemble
  ['92024', 'Clichy', MGP_SIREN, '200057990'], // EPT Boucle Nord de Seine
  ['75056', 'Paris', MGP_SIREN, ''], // in the MGP, in no EPT
  ['69123', 'Lyon', '200046977', ''], // Métropole de Lyon (MET69)
];

// ---------------------------------------------------------------- CSV

function csvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(file, header, rows) {
  const lines = [header.join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  fs.writeFileSync(file, lines.join('\n') + '\n', 'utf8');
}

// RFC 4180 parser (also accepts LF line ends). Returns an array of records (arrays of strings).
function parseCsv(text, file) {
  if (text.charCodeAt(0) === 0xfeff) throw new Error(`${file}: starts with a byte order mark`);
  const records = [];
  let field = '';
  let record = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`${file}: quote inside an unquoted field (record ${records.length + 1})`);
      quoted = true; i++; continue;
    }
    if (c === ',') { record.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (quoted) throw new Error(`${file}: unterminated quoted field`);
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

// ---------------------------------------------------------------- helpers

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const clean = (s) => String(s).replace(/\s+/g, ' ').trim();

function readJson(dir, rel) {
  const file = path.join(dir, rel);
  if (!fs.existsSync(file)) throw new Error(`missing ${file}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function nafLevel(code) {
  if (/^[A-U]$/.test(code)) return 'SECTION';
  if (/^\d{2}$/.test(code)) return 'DIVISION';
  if (/^\d{2}\.\d$/.test(code)) return 'GROUPE';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'CLASSE';
  if (/^\d{2}\.\d{2}[A-Z]$/.test(code)) return 'SOUS_CLASSE';
  return null;
}

function sectionOfDivision(division) {
  const n = Number(division);
  const s = NAF_SECTIONS.find(([, , from, to]) => n >= from && n <= to);
  return s ? s[0] : null;
}

function nafParent(code) {
  switch (nafLevel(code)) {
    case 'SECTION': return '';
    case 'DIVISION': return sectionOfDivision(code);
    case 'GROUPE': return code.slice(0, 2);
    case 'CLASSE': return code.slice(0, 4);
    case 'SOUS_CLASSE': return code.slice(0, 5);
    default: return null;
  }
}

// ---------------------------------------------------------------- generation

function generate(decoupageDir, nafDir, out) {
  const regions = readJson(decoupageDir, 'data/regions.json');
  const departements = readJson(decoupageDir, 'data/departements.json');
  const communes = readJson(decoupageDir, 'data/communes.json');
  const epcis = readJson(decoupageDir, 'data/epci.json');
  const epts = readJson(decoupageDir, 'data/ept.json');
  const naf = readJson(nafDir, 'index.json');

  const stats = { communesInPackage: communes.length, byType: {} };
  for (const c of communes) stats.byType[c.type] = (stats.byType[c.type] || 0) + 1;

  writeCsv(path.join(out, 'regions.csv'), HEADERS['regions.csv'],
    regions.map((r) => [r.code, clean(r.nom)]).sort((a, b) => cmp(a[0], b[0])));

  writeCsv(path.join(out, 'departements.csv'), HEADERS['departements.csv'],
    departements.map((d) => [d.code, clean(d.nom), d.region]).sort((a, b) => cmp(a[0], b[0])));

  // EPCI (with their own nature as kind) and EPT (kind EPT), one file, keyed by SIREN.
  const epciRows = [];
  const epciOf = new Map();
  const eptOf = new Map();
  const problems = [];
  for (const e of epcis) {
    epciRows.push([e.code, clean(e.nom), e.type]);
    for (const m of e.membres || []) {
      if (epciOf.has(m.code)) problems.push(`commune ${m.code} is a member of two EPCI: ${epciOf.get(m.code)} and ${e.code}`);
      epciOf.set(m.code, e.code);
    }
  }
  for (const e of epts) {
    epciRows.push([e.code, clean(e.nom), 'EPT']);
    for (const m of e.membres || []) {
      if (eptOf.has(m.code)) problems.push(`commune ${m.code} is a member of two EPT: ${eptOf.get(m.code)} and ${e.code}`);
      eptOf.set(m.code, e.code);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  epciRows.sort((a, b) => cmp(a[0], b[0]));
  writeCsv(path.join(out, 'epci.csv'), HEADERS['epci.csv'], epciRows);

  // Current communes only: arrondissements municipaux, communes déléguées and associées are left out.
  const communeRows = communes
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => [
      c.code,
      clean(c.nom),
      c.departement,
      c.region,
      epciOf.get(c.code) || '',
      eptOf.get(c.code) || '',
      Number.isInteger(c.population) ? c.population : 0,
      [...new Set(c.codesPostaux || [])].sort().join(' '),
    ])
    .sort((a, b) => cmp(a[0], b[0]));
  writeCsv(path.join(out, 'communes.csv'), HEADERS['communes.csv'], communeRows);

  // NAF: sections (added here) + the package's divisions, groups, classes and subclasses.
  const nafRows = NAF_SECTIONS.map(([code, label]) => [code, label, 'SECTION', '']);
  for (const n of naf) {
    const code = String(n.id).trim();
    const level = nafLevel(code);
    if (!level || level === 'SECTION') throw new Error(`unexpected NAF code in the package: "${n.id}"`);
    nafRows.push([code, clean(n.label).replace(/\u2019/g, "'"), level, nafParent(code)]);
  }
  const order = (code) => (nafLevel(code) === 'SECTION' ? `${code}` : `${nafParent(code.slice(0, 2))}${code}`);
  nafRows.sort((a, b) => cmp(order(a[0]), order(b[0])));
  writeCsv(path.join(out, 'naf.csv'), HEADERS['naf.csv'], nafRows);

  return {
    ...stats,
    communesKept: communeRows.length,
    communesWithoutEpci: communeRows.filter((r) => !r[4]).length,
    communesWithEpt: communeRows.filter((r) => r[5]).length,
    communesWithoutPopulation: communeRows.filter((r) => r[6] === 0).length,
  };
}

// ---------------------------------------------------------------- validation

function validate(out) {
  const errors = [];
  const err = (m) => errors.push(m);
  const data = {};

  for (const [name, header] of Object.entries(HEADERS)) {
    const file = path.join(out, name);
    if (!fs.existsSync(file)) { err(`${name}: missing`); continue; }
    let records;
    try { records = parseCsv(fs.readFileSync(file, 'utf8'), name); } catch (e) { err(e.message); continue; }
    if (records.length === 0 || records[0].join(',') !== header.join(',')) {
      err(`${name}: header must be exactly "${header.join(',')}"`);
      continue;
    }
    const rows = [];
    records.slice(1).forEach((r, i) => {
      if (r.length !== header.length) { err(`${name} line ${i + 2}: ${r.length} fields, expected ${header.length}`); return; }
      rows.push(Object.fromEntries(header.map((h, j) => [h, r[j]])));
    });
    data[name] = rows;
  }
  if (errors.length) return errors;

  const uniqueIndex = (name, key = 'code') => {
    const map = new Map();
    for (const row of data[name]) {
      if (!row[key]) err(`${name}: empty ${key}`);
      else if (map.has(row[key])) err(`${name}: duplicate ${key} "${row[key]}"`);
      else map.set(row[key], row);
    }
    return map;
  };
  const regions = uniqueIndex('regions.csv');
  const departements = uniqueIndex('departements.csv');
  const epci = uniqueIndex('epci.csv');
  const communes = uniqueIndex('communes.csv');
  const naf = uniqueIndex('naf.csv');
  const sectors = uniqueIndex('sectors.csv');
  uniqueIndex('labels.csv');
  const cpv = uniqueIndex('cpv.csv');

  // CPV codes
  if (cpv.size !== EXPECTED_CPV_CODES) err(`cpv.csv: ${cpv.size} codes, expected ${EXPECTED_CPV_CODES}`);
  const cpvCodes = [...cpv.keys()];
  for (const code of cpvCodes) {
    if (!/^\d{8}$/.test(code)) err(`cpv.csv: code "${code}" must be 8 digits (no check digit)`);
    else if (!CPV_DIVISIONS.has(code.slice(0, 2))) err(`cpv.csv: code "${code}" is in no CPV division`);
  }
  if (cpvCodes.join() !== [...cpvCodes].sort().join()) err('cpv.csv: codes must be sorted');

  // Territories
  for (const r of data['regions.csv']) {
    if (!/^\d{2,3}$/.test(r.code)) err(`regions.csv: bad code "${r.code}"`);
    if (!r.name) err(`regions.csv ${r.code}: empty name`);
  }
  for (const d of data['departements.csv']) {
    if (!/^(\d{2}|2[AB]|\d{3})$/.test(d.code)) err(`departements.csv: bad code "${d.code}"`);
    if (!d.name) err(`departements.csv ${d.code}: empty name`);
    if (!regions.has(d.region_code)) err(`departements.csv ${d.code}: unknown region "${d.region_code}"`);
  }
  let eptCount = 0;
  for (const e of data['epci.csv']) {
    if (!/^\d{9}$/.test(e.code)) err(`epci.csv: code "${e.code}" is not a SIREN`);
    if (!e.name) err(`epci.csv ${e.code}: empty name`);
    if (e.kind === 'EPT') eptCount++;
    else if (!EPCI_KINDS.has(e.kind)) err(`epci.csv ${e.code}: unknown kind "${e.kind}"`);
  }
  if (eptCount !== EXPECTED_EPT) err(`epci.csv: ${eptCount} EPT, expected ${EXPECTED_EPT}`);
  if (!epci.has(MGP_SIREN) || epci.get(MGP_SIREN).kind !== 'METRO') err(`epci.csv: Métropole du Grand Paris ${MGP_SIREN} missing`);

  for (const c of data['communes.csv']) {
    const where = `communes.csv ${c.code}`;
    if (!/^(\d{5}|2[AB]\d{3})$/.test(c.code)) err(`${where}: bad code`);
    if (!c.name) err(`${where}: empty name`);
    const dep = departements.get(c.departement_code);
    if (!dep) err(`${where}: unknown departement "${c.departement_code}"`);
    if (!regions.has(c.region_code)) err(`${where}: unknown region "${c.region_code}"`);
    if (dep && dep.region_code !== c.region_code) err(`${where}: region ${c.region_code} differs from its departement's (${dep.region_code})`);
    if (c.epci_code) {
      const e = epci.get(c.epci_code);
      if (!e) err(`${where}: unknown epci "${c.epci_code}"`);
      else if (e.kind === 'EPT') err(`${where}: epci_code ${c.epci_code} is an EPT`);
    }
    if (c.ept_code) {
      const e = epci.get(c.ept_code);
      if (!e) err(`${where}: unknown ept "${c.ept_code}"`);
      else if (e.kind !== 'EPT') err(`${where}: ept_code ${c.ept_code} is not an EPT`);
      if (c.epci_code !== MGP_SIREN) err(`${where}: in EPT ${c.ept_code} but not in the Métropole du Grand Paris`);
    }
    if (!/^\d+$/.test(c.population)) err(`${where}: population "${c.population}" is not a non-negative integer`);
    if (c.postcodes && !/^\d{5}( \d{5})*$/.test(c.postcodes)) err(`${where}: bad postcodes "${c.postcodes}"`);
  }
  if (communes.size < 34000 || communes.size > 36000) err(`communes.csv: ${communes.size} communes, expected about 34 900`);
  for (const [code, name, epciCode, eptCode] of SPOT_CHECKS) {
    const c = communes.get(code);
    if (!c) { err(`spot check: commune ${code} (${name}) missing`); continue; }
    if (c.name !== name) err(`spot check: commune ${code} is "${c.name}", expected "${name}"`);
    if (c.epci_code !== epciCode) err(`spot check: ${name} epci_code ${c.epci_code || '(none)'}, expected ${epciCode}`);
    if (c.ept_code !== eptCode) err(`spot check: ${name} ept_code ${c.ept_code || '(none)'}, expected ${eptCode || '(none)'}`);
  }
  const eptMembers = new Map();
  for (const c of data['communes.csv']) if (c.ept_code) eptMembers.set(c.ept_code, (eptMembers.get(c.ept_code) || 0) + 1);
  for (const e of data['epci.csv']) if (e.kind === 'EPT' && !eptMembers.has(e.code)) err(`epci.csv: EPT ${e.code} has no commune`);

  // NAF
  const nafCount = {};
  for (const n of data['naf.csv']) {
    const level = nafLevel(n.code);
    if (!level) { err(`naf.csv: bad code "${n.code}"`); continue; }
    if (level !== n.level) err(`naf.csv ${n.code}: level ${n.level}, expected ${level}`);
    nafCount[level] = (nafCount[level] || 0) + 1;
    if (!n.label) err(`naf.csv ${n.code}: empty label`);
    const parent = nafParent(n.code);
    if (n.parent_code !== parent) err(`naf.csv ${n.code}: parent_code "${n.parent_code}", expected "${parent}"`);
    if (parent && !naf.has(parent)) err(`naf.csv ${n.code}: parent ${parent} missing`);
  }
  for (const [level, count] of Object.entries(NAF_EXPECTED)) {
    if (nafCount[level] !== count) err(`naf.csv: ${nafCount[level] || 0} ${level}, expected ${count}`);
  }

  // Sectors
  const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const groups = new Map();
  for (const s of data['sectors.csv']) {
    const where = `sectors.csv ${s.code}`;
    if (!slug.test(s.group_code)) err(`${where}: group_code "${s.group_code}" is not a lowercase slug`);
    if (!slug.test(s.code)) err(`${where}: code is not a lowercase slug`);
    if (!s.code.startsWith(`${s.group_code}-`)) err(`${where}: code must start with "${s.group_code}-"`);
    if (!s.group_label || !s.label) err(`${where}: empty label`);
    const g = groups.get(s.group_code);
    if (!g) groups.set(s.group_code, { label: s.group_label, count: 1 });
    else {
      g.count++;
      if (g.label !== s.group_label) err(`${where}: group label "${s.group_label}" differs from "${g.label}"`);
    }
    if (sectors.has(s.group_code)) err(`sectors.csv: group code "${s.group_code}" is also a sector code`);
    const nafPrefixes = s.naf_prefixes.split(' ').filter(Boolean);
    if (nafPrefixes.length === 0) err(`${where}: no naf_prefixes`);
    if (s.naf_prefixes !== nafPrefixes.join(' ')) err(`${where}: naf_prefixes must be separated by single spaces`);
    if (new Set(nafPrefixes).size !== nafPrefixes.length) err(`${where}: duplicate naf prefix`);
    for (const p of nafPrefixes) {
      const level = nafLevel(p);
      if (!level || level === 'SECTION') err(`${where}: naf prefix "${p}" is not a NAF division, group, class or subclass code`);
      else if (!naf.has(p)) err(`${where}: naf prefix "${p}" matches no code of naf.csv`);
    }
    const cpvPrefixes = s.cpv_prefixes.split(' ').filter(Boolean);
    if (s.cpv_prefixes !== cpvPrefixes.join(' ')) err(`${where}: cpv_prefixes must be separated by single spaces`);
    if (new Set(cpvPrefixes).size !== cpvPrefixes.length) err(`${where}: duplicate cpv prefix`);
    for (const p of cpvPrefixes) {
      if (!/^\d{2,8}$/.test(p)) err(`${where}: cpv prefix "${p}" must be 2 to 8 digits`);
      else if (!CPV_DIVISIONS.has(p.slice(0, 2))) err(`${where}: cpv prefix "${p}" is in no CPV division`);
      else if (!cpvCodes.some((code) => code.startsWith(p))) err(`${where}: cpv prefix "${p}" starts no code of cpv.csv`);
    }
  }
  for (const [code, g] of groups) if (g.count < 3) err(`sectors.csv: group ${code} has ${g.count} sector(s), at least 3 required`);

  // Labels
  for (const l of data['labels.csv']) {
    const where = `labels.csv ${l.code}`;
    if (!slug.test(l.code)) err(`${where}: code is not a lowercase slug`);
    if (!l.label || !l.description) err(`${where}: empty label or description`);
    if (!LABEL_CATEGORIES.has(l.category)) err(`${where}: category "${l.category}" not in ${[...LABEL_CATEGORIES].join(', ')}`);
    if (l.can_expire !== 'true' && l.can_expire !== 'false') err(`${where}: can_expire must be true or false`);
  }

  return errors.length ? errors : { groups: groups.size, counts: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length])), nafCount, eptMembers: Object.fromEntries(eptMembers) };
}

// ---------------------------------------------------------------- main

function main() {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const out = opt('--out');
  if (!out) { console.error('usage: generate.mjs (--decoupage DIR --naf DIR | --check) --out DIR'); process.exit(2); }
  if (!args.includes('--check')) {
    const decoupage = opt('--decoupage');
    const nafDir = opt('--naf');
    if (!decoupage || !nafDir) { console.error('--decoupage and --naf are required unless --check'); process.exit(2); }
    const stats = generate(decoupage, nafDir, out);
    console.log(`package communes.json: ${stats.communesInPackage} entries ${JSON.stringify(stats.byType)}`);
    console.log(`communes kept (commune-actuelle): ${stats.communesKept}; without EPCI: ${stats.communesWithoutEpci}; in an EPT: ${stats.communesWithEpt}; population unknown (0): ${stats.communesWithoutPopulation}`);
  }
  const result = validate(out);
  if (Array.isArray(result)) {
    console.error(`reference data INVALID (${result.length} problem(s)):`);
    for (const e of result) console.error(`  - ${e}`);
    process.exit(1);
  }
  for (const [file, n] of Object.entries(result.counts)) console.log(`${file}: ${n} rows`);
  console.log(`naf levels: ${JSON.stringify(result.nafCount)}; sector groups: ${result.groups}`);
  console.log('reference data OK');
}

main();
