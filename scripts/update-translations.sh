#!/usr/bin/env bash
# Regenerate the French catalogue from the source strings of pos_app/ui, then compile it.
# New or changed strings come out "unfinished": translate them in pos_app_fr.ts (Qt Linguist, or by hand),
# then run this script again; tests/ui/test_i18n.py fails while any message is left untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
CATALOGUES=pos_app/resources/translations

mapfile -t SOURCES < <(find pos_app/ui -name '*.py' | sort)
for language in fr; do
    "$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language en -target-language "$language" \
        "${SOURCES[@]}" -ts "$CATALOGUES/pos_app_$language.ts"
    "$BIN/pyside6-lrelease" "$CATALOGUES/pos_app_$language.ts" -qm "$CATALOGUES/pos_app_$language.qm"
done
