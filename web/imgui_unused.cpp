// Dear ImGui code the page can never reach, kept out of the link (-Wl,--wrap in
// web/CMakeLists.txt sends each call here instead, so the linker drops what it would pull in).
#include <imgui.h>

// ImGui's built-in ProggyClean font (~11 KB gzip of wasm): ImFontAtlas::Build() calls
// AddFontDefault() when no font was added, so the linker keeps the font and its decompressor
// although Headroom always adds Inter first.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    IM_ASSERT(false && "Headroom adds its own fonts before the atlas is built");
    return nullptr;
}

// musl's sscanf (~3 KB gzip of wasm): only ImGui's .ini readers call it, and they run only
// when io.IniFilename is set; the page has no file system and sets it to nullptr (platform.cpp).
// No widget that parses text with it (Drag/Slider/InputScalar, ColorEdit) is used.
extern "C" int __wrap_sscanf(const char*, const char*, ...) {
    IM_ASSERT(false && "ImGui's .ini settings are off in the page");
    __builtin_trap();
}
