// Dear ImGui code the page can never reach, kept out of the link (-Wl,--wrap in
// web/CMakeLists.txt sends each call here instead, so the linker drops what it would pull in).
#include <imgui.h>
#include <imgui_internal.h>

// ImGui's built-in ProggyClean font (~11 KB gzip of wasm): ImFontAtlas::Build() calls
// AddFontDefault() when no font was added, so the linker keeps the font and its decompressor
// although Headroom always adds its own faces first.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    IM_ASSERT(false && "Headroom adds its own fonts before the atlas is built");
    return nullptr;
}

// ImGui's stb_truetype font builder, stb_truetype and stb_rect_pack (~12 KB gzip of wasm):
// ImFontAtlas::Build() falls back to it when no builder is set, so the linker keeps it although
// the page always sets font_atlas.cpp's.
extern "C" const ImFontBuilderIO* __wrap__Z35ImFontAtlasGetBuilderForStbTruetypev() {
    IM_ASSERT(false && "Headroom's atlas is drawn by the browser (font_atlas.cpp)");
    __builtin_trap();
}

// musl's sscanf (~3 KB gzip of wasm): only ImGui's .ini readers call it, and they run only
// when io.IniFilename is set; the page has no file system and sets it to nullptr (platform.cpp).
// No widget that parses text with it (Drag/Slider/InputScalar, ColorEdit) is used.
extern "C" int __wrap_sscanf(const char*, const char*, ...) {
    IM_ASSERT(false && "ImGui's .ini settings are off in the page");
    __builtin_trap();
}
