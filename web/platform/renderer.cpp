// WebGL2 renderer for Dear ImGui draw data (see renderer.h for why it is not the stock one).
#include "platform/renderer.h"

#include <cstddef>
#include <utility>

#include "imgui.h"

namespace {

constexpr const char* kVertexShader = R"(#version 300 es
uniform vec4 u_scale_offset;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = vec4(a_pos * u_scale_offset.xy + u_scale_offset.zw, 0.0, 1.0);
})";

// Every texture is the font atlas: white, with coverage in the red channel.
constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    o_color = vec4(v_color.rgb, v_color.a * texture(u_texture, v_uv).r);
})";

GLuint Compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

}  // namespace

void RendererInit(Renderer& r) {
    const GLuint vs = Compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fs = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
    r.program = glCreateProgram();
    glAttachShader(r.program, vs);
    glAttachShader(r.program, fs);
    glLinkProgram(r.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    r.scale_offset = glGetUniformLocation(r.program, "u_scale_offset");
    glUseProgram(r.program);
    glUniform1i(glGetUniformLocation(r.program, "u_texture"), 0);

    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vertices);
    glGenBuffers(1, &r.indices);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.indices);  // recorded in the VAO
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

    // Nothing else draws into this context, so the fixed state is set once.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glActiveTexture(GL_TEXTURE0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "headroom_webgl2";
}

bool RendererLinked(const Renderer& r) {
    GLint linked = GL_FALSE;
    glGetProgramiv(r.program, GL_LINK_STATUS, &linked);
    return linked == GL_TRUE;
}

void RendererUploadFonts(Renderer& r) {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (r.font_texture) glDeleteTextures(1, &r.font_texture);
    glGenTextures(1, &r.font_texture);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(r.font_texture)));
    io.Fonts->ClearTexData();  // the atlas's pixels live on the GPU now
    r.shown.clear();  // a new texture, perhaps under the old one's name
}

namespace {
void Append(std::vector<unsigned char>& out, const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    out.insert(out.end(), bytes, bytes + size);
}
}  // namespace

bool RendererSameAsShown(Renderer& r, const ImDrawData& data, int fb_w, int fb_h, const float clear_rgb[3]) {
    std::vector<unsigned char>& frame = r.next;
    frame.clear();
    const int size[2] = {fb_w, fb_h};
    Append(frame, size, sizeof size);
    Append(frame, clear_rgb, 3 * sizeof(float));
    Append(frame, &data.DisplayPos, sizeof data.DisplayPos);
    Append(frame, &data.DisplaySize, sizeof data.DisplaySize);
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            Append(frame, &cmd.ClipRect, sizeof cmd.ClipRect);
            Append(frame, &cmd.TextureId, sizeof cmd.TextureId);
            Append(frame, &cmd.IdxOffset, sizeof cmd.IdxOffset);
            Append(frame, &cmd.ElemCount, sizeof cmd.ElemCount);
        }
        Append(frame, list.VtxBuffer.Data, static_cast<size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        Append(frame, list.IdxBuffer.Data, static_cast<size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    }
    if (frame == r.shown) return true;
    std::swap(r.shown, r.next);
    return false;
}

void RendererDraw(Renderer& r, const ImDrawData& data, int fb_w, int fb_h, const float clear_rgb[3]) {
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear_rgb[0], clear_rgb[1], clear_rgb[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (fb_w <= 0 || fb_h <= 0 || data.TotalVtxCount == 0) return;

    // ImGui's display rectangle onto clip space, y down.
    const ImVec2 pos = data.DisplayPos, size = data.DisplaySize, fb_scale = data.FramebufferScale;
    glUseProgram(r.program);
    glUniform4f(r.scale_offset, 2.0f / size.x, -2.0f / size.y, -1.0f - pos.x * 2.0f / size.x, 1.0f + pos.y * 2.0f / size.y);
    glBindVertexArray(r.vao);
    glEnable(GL_SCISSOR_TEST);
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * sizeof(ImDrawVert),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {  // Headroom sets none, but ImGui may reset state through one
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - pos.x) * fb_scale.x, y0 = (cmd.ClipRect.y - pos.y) * fb_scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * fb_scale.x, y1 = (cmd.ClipRect.w - pos.y) * fb_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_h - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
}
