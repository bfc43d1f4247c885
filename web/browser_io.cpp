// JS glue for sharing, exports and embedding (see browser_io.h). EM_JS for writes to the
// page, emscripten::val for reads, Embind for the callbacks (file picked, hash changed).
#include "browser_io.h"

#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "app_state.h"
#include "headroom/pdf.h"
#include "headroom/report.h"
#include "headroom/share.h"
#include "platform.h"

// platform.cpp's Blob download (EM_JS, C linkage): the bytes are copied.
extern "C" void js_download(const char* name, const char* mime, const char* data, int len);

// [SECTION] JS hooks
// The fragment is written at most every 300 ms while the user edits; replaceState keeps the
// history clean (one entry per page, not per keystroke). Never throws: an opaque-origin
// sandbox may refuse history changes.
EM_JS(void, js_io_set_fragment, (const char* fragment), {
    const text = '#' + UTF8ToString(fragment);
    clearTimeout(Module.headroomFragmentTimer);
    Module.headroomFragmentTimer = setTimeout(() => {
        try {
            if (location.hash !== text) history.replaceState(history.state, '', text);
            Module.headroomWrittenHash = text;
        } catch (e) { /* sandboxed: the link is still in the share panel */ }
    }, 300);
});
// Clipboard: the async API when allowed, else a hidden textarea and execCommand('copy').
EM_JS(void, js_io_copy, (const char* text_ptr), {
    const text = UTF8ToString(text_ptr);
    const fallback = () => {
        const ta = document.createElement('textarea');
        ta.value = text;
        ta.setAttribute('readonly', '');
        ta.style.position = 'fixed';
        ta.style.opacity = '0';
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand('copy'); } catch (e) {}
        ta.remove();
    };
    try {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
        else fallback();
    } catch (e) { fallback(); }
});
// A file input, clicked while the button's user activation lasts; the chosen file's text goes
// to Module.headroomImport(name, text). Nothing is uploaded: the file is read in the page.
EM_JS(void, js_io_pick_json, (), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.style.display = 'none';
    input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        file.text().then((text) => Module.headroomImport(file.name, text),
                         (e) => Module.headroomImport(file.name, '\u0000unreadable: ' + e));
    });
    document.body.appendChild(input);
    input.click();
});
EM_JS(void, js_io_post_height, (int height), {
    try {
        if (window.parent !== window) window.parent.postMessage({ type: 'headroom:height', height: height }, '*');
    } catch (e) {}
});
EM_JS(void, js_io_set_status, (const char* text, int is_error), {
    const el = document.getElementById('share-status');
    if (!el) return;
    el.textContent = UTF8ToString(text);
    el.dataset.error = is_error ? '1' : '0';
});
// A link pasted into the same tab changes only the hash: load it.
EM_JS(void, js_io_watch_hash, (), {
    window.addEventListener('hashchange', () => {
        if (location.hash && location.hash !== Module.headroomWrittenHash) Module.headroomLoadFragment(location.hash);
    });
});

namespace {

std::string Read(const char* what) {
    using emscripten::val;
    val location = val::global("location");
    return location[what].as<std::string>();
}

bool IsEmbedQuery(const std::string& query) {
    // "embed" alone, embed=1 or embed=true anywhere in the query.
    std::string q = "&" + (query.empty() || query[0] != '?' ? query : query.substr(1)) + "&";
    return q.find("&embed&") != std::string::npos || q.find("&embed=1&") != std::string::npos ||
           q.find("&embed=true&") != std::string::npos;
}

std::string ErrorsText(const std::vector<headroom::FieldError>& errors) {
    std::string s;
    for (const headroom::FieldError& e : errors) {
        if (!s.empty()) s += " ";
        s += e.field.empty() ? e.message : e.field + ": " + e.message;
    }
    return s;
}

void Load(AppState& app, headroom::Scenario s) {
    app.scenario = std::move(s);
    app.show_custom_model = app.scenario.model_preset.empty();
    Recompute(app);
}

// Embind callbacks: the picked file's text, and a fragment pasted into the address bar.
void ImportJson(const std::string& name, const std::string& text) {
    AppState* app = CurrentApp();
    if (!app) return;
    ShareState& sh = app->share;
    if (!text.empty() && text[0] == '\0') {
        sh.message = "Could not read " + name + "; the scenario is unchanged.";
        sh.message_is_error = true;
        return;
    }
    headroom::ParsedScenario p = headroom::parse_scenario(text);
    if (!p.ok()) {
        sh.message = "Not imported (" + name + "): " + ErrorsText(p.errors) + " The scenario on screen is unchanged.";
        sh.message_is_error = true;
        return;
    }
    Load(*app, std::move(p.scenario));
    sh.message = "Imported " + name + ".";
    sh.message_is_error = false;
}

void LoadFragment(const std::string& hash) {
    AppState* app = CurrentApp();
    if (!app || !headroom::fragment_has_scenario(hash)) return;
    headroom::ParsedScenario p = headroom::parse_fragment(hash);
    if (!p.ok()) {
        app->share.message = "This link's scenario could not be opened: " + ErrorsText(p.errors);
        app->share.message_is_error = true;
        return;
    }
    Load(*app, std::move(p.scenario));
}

// { ok, text }: the PDF (7-bit ASCII, so a JS string holds it byte for byte) or errors JSON.
emscripten::val Pdf(const std::string& scenario_json) {
    std::vector<headroom::FieldError> errors;
    std::string pdf = headroom::estimate_pdf(scenario_json, &errors);
    emscripten::val out = emscripten::val::object();
    out.set("ok", errors.empty());
    out.set("text", errors.empty() ? pdf : headroom::errors_to_json(errors));
    return out;
}

// The current scenario's share fragment ("s=...") and link, for tests and scripts.
std::string ShareLink() {
    const AppState* app = CurrentApp();
    return app ? app->share.link : std::string();
}

}  // namespace

namespace browser_io {

void Start(AppState& app) {
    ShareState& sh = app.share;
    const std::string href = Read("href");
    sh.base_url = href.substr(0, href.find_first_of("?#"));
    const std::string query = Read("search");
    const std::string hash = Read("hash");
    sh.embed = IsEmbedQuery(query);
    bool query_has_scenario = false;
    headroom::ParsedScenario from_query = headroom::parse_query(query, &query_has_scenario);
    if (headroom::fragment_has_scenario(hash)) {
        headroom::ParsedScenario p = headroom::parse_fragment(hash);
        if (p.ok()) {
            app.scenario = std::move(p.scenario);
        } else {
            sh.message = "This link's scenario could not be opened (" + ErrorsText(p.errors) + "); showing the defaults.";
            sh.message_is_error = true;
        }
    } else if (query_has_scenario) {
        if (from_query.ok()) {
            app.scenario = std::move(from_query.scenario);
        } else {
            sh.message = "The page's parameters could not be used (" + ErrorsText(from_query.errors) + "); showing the defaults.";
            sh.message_is_error = true;
        }
    }
    app.show_custom_model = app.scenario.model_preset.empty();
    js_io_watch_hash();
}

void AfterFrame(AppState& app) {
    ShareState& sh = app.share;
    if (app.summary_version != sh.published_version) {
        sh.published_version = app.summary_version;
        const std::string fragment = headroom::scenario_to_fragment(app.good_scenario);
        sh.link = sh.base_url + "#" + fragment;
        sh.embed_snippet = "<iframe src=\"" + headroom::html_escape(sh.base_url + "?embed=1&" + fragment) +
                           "\" title=\"Headroom GPU memory\" sandbox=\"allow-scripts\" loading=\"lazy\" "
                           "style=\"width:100%;height:420px;border:0\"></iframe>";
        if (!sh.embed) js_io_set_fragment(fragment.c_str());
    }
    if (sh.request_pdf) {
        sh.request_pdf = false;
        const std::string pdf = headroom::estimate_to_pdf(app.good_scenario, app.estimate);
        js_download("headroom.pdf", "application/pdf", pdf.data(), static_cast<int>(pdf.size()));
    }
    if (sh.request_json) {
        sh.request_json = false;
        const std::string json = headroom::scenario_to_json(app.good_scenario, 2) + "\n";
        js_download("headroom-scenario.json", "application/json", json.data(), static_cast<int>(json.size()));
    }
    if (sh.request_import) {
        sh.request_import = false;
        js_io_pick_json();
    }
    if (sh.request_copy_link) {
        sh.request_copy_link = false;
        js_io_copy(sh.link.c_str());
        sh.message = "Link copied: it holds the whole scenario, after the #, which browsers never send to a server.";
        sh.message_is_error = false;
    }
    if (sh.request_copy_snippet) {
        sh.request_copy_snippet = false;
        js_io_copy(sh.embed_snippet.c_str());
        sh.message = "Embed snippet copied.";
        sh.message_is_error = false;
    }
    if (sh.message != sh.published_message) {
        sh.published_message = sh.message;
        js_io_set_status(sh.message.c_str(), sh.message_is_error ? 1 : 0);
    }
    if (sh.embed && sh.content_height > 0 && std::fabs(sh.content_height - sh.posted_height) >= 1.0f) {
        sh.posted_height = sh.content_height;
        js_io_post_height(static_cast<int>(std::ceil(sh.content_height)));
    }
}

}  // namespace browser_io

EMSCRIPTEN_BINDINGS(headroom_browser_io) {
    emscripten::function("headroomImport", &ImportJson);
    emscripten::function("headroomLoadFragment", &LoadFragment);
    emscripten::function("pdf", &Pdf);
    emscripten::function("shareLink", &ShareLink);
}
