// Keeps Dear ImGui's built-in ProggyClean font out of the page (~11 KB gzip of wasm).
// ImFontAtlas::Build() calls AddFontDefault() when no font was added, so the linker keeps the
// font and its decompressor although Headroom always adds Inter first. The link wraps that
// call (-Wl,--wrap, web/CMakeLists.txt) and lands here instead, where it can never be reached.
#include <imgui.h>

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    IM_ASSERT(false && "Headroom adds its own fonts before the atlas is built");
    return nullptr;
}
