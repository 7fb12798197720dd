# cmake -DIN=tandem_LANG.ts -DOUT=tandem_LANG_any.ts -P any-context.cmake
#
# The same messages filed under one context, "any": AppTranslator (ui/apptranslator.h) looks a
# message up there by its source text when the code asks in another context than lupdate filed it
# under (the tr() helpers of free functions and of nested classes in models/).
file(READ "${IN}" ts)
string(REGEX REPLACE "<name>[^<]*</name>" "<name>any</name>" ts "${ts}")
file(WRITE "${OUT}" "${ts}")
