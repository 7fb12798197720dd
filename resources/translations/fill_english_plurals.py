#!/usr/bin/env python3
"""Fills the English plural forms of tandem_en.ts.

Source strings are English; Qt needs a translation only for messages with "%n", to choose
between singular and plural. Update the file and fill it with:

    /usr/lib/qt6/bin/lupdate -pluralonly -locations none -target-language en_US \
        models ui app -ts resources/translations/tandem_en.ts
    python3 resources/translations/fill_english_plurals.py

"(s)" becomes "" and "s"; "%n people" becomes "%n person"; "row(s) are" becomes "row is".
"""
import pathlib
import xml.etree.ElementTree as ET

PATH = pathlib.Path(__file__).with_name("tandem_en.ts")


def forms(text):
    if "%n people" in text:
        return text.replace("%n people", "%n person"), text
    if "row(s) are" in text:
        return text.replace("row(s) are", "row is"), text.replace("row(s) are", "rows are")
    return text.replace("(s)", ""), text.replace("(s)", "s")


tree = ET.parse(PATH)
for context in tree.iter("context"):
    for message in list(context.iter("message")):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            context.remove(message)
            continue
        if message.get("numerus") != "yes":
            continue
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in forms(message.find("source").text):
            ET.SubElement(translation, "numerusform").text = form
ET.indent(tree, space="    ")
with open(PATH, "wb") as out:
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(out, encoding="utf-8", xml_declaration=False)
