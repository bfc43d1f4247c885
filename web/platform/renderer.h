// Draws Dear ImGui's draw lists with WebGL2, in place of imgui_impl_opengl3.
//
// Why our own: the stock backend saves and restores about twenty pieces of GL state around
// every frame with glGetIntegerv / glIsEnabled. In a browser each such query can be a
// synchronous round trip to the GPU process that waits for the previous frame to finish, which
// measured ~300 ms of the first second in headless Chromium. Headroom owns its WebGL context,
// so this renderer sets the state it needs and never reads any back. It also keeps the font
// atlas as one-byte alpha (a quarter of the upload) since the app draws no images.
#pragma once
#include <GLES3/gl3.h>

#include <vector>

struct ImDrawData;

struct Renderer {
    GLuint program = 0, vao = 0, vertices = 0, indices = 0, font_texture = 0;
    GLint scale_offset = -1;  // uniform vec4: clip = pos * scale + offset
    // What the canvas shows (commands, vertices, indices, size, clear colour), to tell a frame
    // that would draw the same pixels; empty when unknown.
    std::vector<unsigned char> shown, next;
};

void RendererInit(Renderer& r);
// Whether the shaders linked. A query that waits for the GPU process to finish compiling, so
// it is asked after the first frame, not at start, while the compile overlaps other work.
bool RendererLinked(const Renderer& r);
void RendererUploadFonts(Renderer& r);    // after the font atlas is (re)built
// Whether drawing this frame would put on screen exactly what is there: then the caller leaves
// the canvas alone and the browser composites nothing new. On a software GPU every frame drawn
// costs the GPU process 10-40 ms, and frames that changed nothing (ImGui settling after an
// event, the caret between blinks) kept it busy when the next key's frame came.
bool RendererSameAsShown(Renderer& r, const ImDrawData& data, int fb_w, int fb_h, const float clear_rgb[3]);
void RendererDraw(Renderer& r, const ImDrawData& data, int fb_w, int fb_h, const float clear_rgb[3]);
