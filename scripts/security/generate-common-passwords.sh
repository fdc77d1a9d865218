#!/usr/bin/env bash
# Regenerates src/main/resources/security/common-passwords.txt: the 30 000 most common passwords of
# zxcvbn (MIT, npm zxcvbn@4.4.2) of 6 characters or more, lower-cased, plus a short French supplement.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent zxcvbn@4.4.2 >/dev/null && tar xzf zxcvbn-4.4.2.tgz)
node -e '
const lists = require(process.argv[1] + "/package/lib/frequency_lists.js");
const french = ["azerty", "azertyuiop", "motdepasse", "soleil", "bonjour", "doudou", "chouchou", "loulou",
  "marseille", "toulouse", "nicolas", "julien", "camille", "coucou", "jetaime", "doudou", "poulette",
  "chocolat", "princesse", "football", "marine", "vivier", "collectivite", "mairie", "azerty123"];
const all = new Set([...lists.passwords, ...french].map(p => p.toLowerCase()).filter(p => p.length >= 6));
process.stdout.write([...all].sort().join("\n") + "\n");
' "$work" > "$root/src/main/resources/security/common-passwords.txt"
wc -l "$root/src/main/resources/security/common-passwords.txt"
