// Files, sharing and exports at the browser's edge (see browser_io.h). JavaScript in
// browser_io.js and edge.js; emscripten::val for reading the URL; Embind for what JS hands back
// (a file's text, a link pasted into the address bar).
#include "platform/browser_io.h"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app_state.h"
#include "headroom/hf_config.h"
#include "headroom/report.h"
#include "headroom/share.h"
#include "platform/platform.h"

// [SECTION] JavaScript (browser_io.js, edge.js)
extern "C" {
void js_download(const char* name, const char* mime, const char* data, int len);
void js_pick_file(const char* kind);  // "scenario" or "file": what OpenText gets back
void js_copy(const char* text);       // the one clipboard writer
void js_set_fragment(const char* fragment);
void js_watch_hash();
void js_set_status(const char* text, int is_error);
void js_post_height(int height);
// The extras module (extras.js, web/extras/extras.cpp), fetched on first use: the PDF
// download, and a config.json imported there, whose result comes back as edgeOpen("config").
void js_extras_pdf(const char* scenario_json);
void js_extras_import_config(const char* name, const char* text);
}

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

void Say(ShareState& sh, std::string message, bool is_error) {
    sh.message = std::move(message);
    sh.message_is_error = is_error;
}

// Every text the browser hands in, through one door (edge.js's readFile, browser_io.js's
// hashchange, extras.js): `kind` "link" is a URL fragment pasted into the address bar;
// "scenario" a file picked with Import JSON; "file" one dropped on the page or picked with
// Import config.json: a scenario document if it is one, else a Hugging Face config.json for the
// model, imported in the extras module, which hands its result back as "config" (whose message
// then says what it lacks). `readable` is false when the browser could not read the file (or
// the extras module could not load).
void OpenText(const std::string& kind, const std::string& name, const std::string& text, bool readable) {
    AppState* app = CurrentApp();
    if (!app) return;
    ShareState& sh = app->share;
    if (!readable) {
        if (kind == "pdf") return Say(sh, "The PDF could not be made (" + text + ").", true);
        if (kind == "config") {
            app->import_failed = true;
            app->import_message = "config.json not imported: the importer did not load (" + text + ").";
            return;
        }
        Say(sh, "Could not read " + name + "; the scenario is unchanged.", true);
        return;
    }
    if (kind == "config") return ImportHfConfig(*app, headroom::hf_import_from_json(text));
    if (kind == "link") {
        if (!headroom::fragment_has_scenario(text)) return;
        headroom::ParsedScenario p = headroom::parse_fragment(text);
        if (!p.ok()) return Say(sh, "This link's scenario could not be opened: " + ErrorsText(p.errors), true);
        LoadScenario(*app, std::move(p.scenario));
        return;
    }
    headroom::ParsedScenario p = headroom::parse_scenario(text);
    if (kind == "file") {
        if (p.ok()) LoadScenario(*app, std::move(p.scenario));
        else js_extras_import_config(name.c_str(), text.c_str());
        return;
    }
    if (!p.ok())
        return Say(sh, "Not imported (" + name + "): " + ErrorsText(p.errors) + " The scenario on screen is unchanged.", true);
    LoadScenario(*app, std::move(p.scenario));
    Say(sh, "Imported " + name + ".", false);
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
            LoadScenario(app, std::move(p.scenario));
        } else {
            sh.message = "This link's scenario could not be opened (" + ErrorsText(p.errors) + "); showing the defaults.";
            sh.message_is_error = true;
        }
    } else if (query_has_scenario) {
        if (from_query.ok()) {
            LoadScenario(app, std::move(from_query.scenario));
        } else {
            sh.message = "The page's parameters could not be used (" + ErrorsText(from_query.errors) + "); showing the defaults.";
            sh.message_is_error = true;
        }
    }
    js_watch_hash();
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
        if (!sh.embed) js_set_fragment(fragment.c_str());
    }
    if (app.request_csv_download) {
        app.request_csv_download = false;
        const std::string csv = headroom::estimate_to_csv(app.good_scenario, app.estimate);
        js_download("headroom.csv", "text/csv;charset=utf-8", csv.data(), static_cast<int>(csv.size()));
    }
    if (sh.request_pdf) {
        sh.request_pdf = false;
        js_extras_pdf(headroom::scenario_to_json(app.good_scenario).c_str());
    }
    if (sh.request_json) {
        sh.request_json = false;
        const std::string json = headroom::scenario_to_json(app.good_scenario, 2) + "\n";
        js_download("headroom-scenario.json", "application/json", json.data(), static_cast<int>(json.size()));
    }
    if (sh.request_import) {
        sh.request_import = false;
        js_pick_file("scenario");
    }
    if (app.request_hf_import) {  // the Model group's Import config.json
        app.request_hf_import = false;
        js_pick_file("file");
    }
    if (sh.request_copy_link) {
        sh.request_copy_link = false;
        js_copy(sh.link.c_str());
        sh.message = "Link copied: it holds the whole scenario, after the #, which browsers never send to a server.";
        sh.message_is_error = false;
    }
    if (sh.request_copy_snippet) {
        sh.request_copy_snippet = false;
        js_copy(sh.embed_snippet.c_str());
        sh.message = "Embed snippet copied.";
        sh.message_is_error = false;
    }
    if (sh.message != sh.published_message) {
        sh.published_message = sh.message;
        js_set_status(sh.message.c_str(), sh.message_is_error ? 1 : 0);
    }
    if (sh.embed && sh.content_height > 0 && std::fabs(sh.content_height - sh.posted_height) >= 1.0f) {
        sh.posted_height = sh.content_height;
        js_post_height(static_cast<int>(std::ceil(sh.content_height)));
    }
}

}  // namespace browser_io

EMSCRIPTEN_BINDINGS(headroom_browser_io) { emscripten::function("edgeOpen", &OpenText); }
