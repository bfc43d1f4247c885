# Writes the site's index.html: the page source with the default scenario's result, printed by
# the engine (web/tools/preview.cpp run under node), in place of its <!-- headroom:preview -->.
# cmake -DNODE=node -DPREVIEW=preview.js -DIN=index.html -DOUT=site/index.html -P make_page.cmake
set(marker "<!-- headroom:preview -->")
execute_process(COMMAND "${NODE}" "${PREVIEW}" OUTPUT_VARIABLE preview RESULT_VARIABLE rc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR preview STREQUAL "")
  message(FATAL_ERROR "make_page: ${PREVIEW} failed (${rc})")
endif()
file(READ "${IN}" page)
string(FIND "${page}" "${marker}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "make_page: ${IN} has no ${marker}")
endif()
string(REPLACE "${marker}" "${preview}" page "${page}")
file(WRITE "${OUT}" "${page}")
