// The PDF 1.4 report writer (see pdf.h). A4 pages drawn with text and path operators; the
// inputs are the same rows the CSV lists (headroom::input_rows, from the table of fields).
#include "headroom/pdf.h"

#include <array>
#include <cmath>
#include <cstdio>

#include "headroom/calibration.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/labels.h"
#include "headroom/palette.h"
#include "headroom/report.h"

namespace headroom {
namespace {

// [SECTION] Text: UTF-8 to WinAnsi, widths, escaping

// Code points WinAnsi places in 0x80..0x9F.
struct Special {
    char32_t cp;
    unsigned char byte;
};
constexpr Special kWinAnsiHigh[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
    {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
    {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
    {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};

struct Fallback {
    char32_t cp;
    const char* ascii;
};
constexpr Fallback kFallbacks[] = {
    {0x221A, "sqrt"}, {0x2308, "ceil("}, {0x2309, ")"},  {0x230A, "floor("}, {0x230B, ")"},   {0x2212, "-"},
    {0x2248, "~"},    {0x2264, "<="},    {0x2265, ">="}, {0x2260, "!="},     {0x2192, "->"},  {0x2190, "<-"},
    {0x21D2, "=>"},   {0x2211, "sum"},   {0x220F, "prod"}, {0x221E, "inf"},  {0x2208, " in "}, {0x22C5, "*"},
    {0x2219, "*"},    {0x2217, "*"},     {0x2215, "/"},  {0x2009, " "},      {0x202F, " "},   {0x2002, " "},
    {0x2003, " "},    {0x2010, "-"},     {0x2011, "-"},  {0x2070, "^0"},     {0x2074, "^4"},  {0x2075, "^5"},
    {0x2076, "^6"},   {0x2077, "^7"},    {0x2078, "^8"}, {0x2079, "^9"},     {0x207F, "^n"},  {0x2071, "^i"},
    {0x03B1, "alpha"}, {0x03B2, "beta"}, {0x03B3, "gamma"}, {0x03B4, "delta"}, {0x03B5, "epsilon"}, {0x03B7, "eta"},
    {0x03B8, "theta"}, {0x03BB, "lambda"}, {0x03BC, "mu"}, {0x03C0, "pi"}, {0x03C1, "rho"}, {0x03C3, "sigma"},
    {0x03C4, "tau"},  {0x03C6, "phi"},   {0x03C8, "psi"}, {0x03C9, "omega"}, {0x0394, "Delta"}, {0x03A3, "Sigma"},
    {0x2713, "yes"},  {0x2717, "no"},    {0x2715, "x"},  {0x00D7, "\xD7"}};

// Next code point of UTF-8 text; malformed bytes come out as U+FFFD, one byte at a time.
char32_t next_code_point(std::string_view s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
        if (extra != 0) {
            ++i;
            return 0xFFFD;
        }
    }
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc >> 6) != 2) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += 1 + extra;
    return cp;
}

// Helvetica advance widths (Adobe AFM, 1/1000 em) for ASCII 32..126.
constexpr std::array<short, 95> kHelvetica = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
    722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
    278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};

enum Font { kRegular, kBold, kOblique };

// Width in points of WinAnsi bytes; bold is wider by about 6 %, non-ASCII taken as a digit.
double text_width(std::string_view winansi, double size, Font font) {
    double units = 0;
    for (char ch : winansi) {
        const unsigned char c = static_cast<unsigned char>(ch);
        units += (c >= 32 && c <= 126) ? kHelvetica[c - 32] : 556;
    }
    return units * size / 1000.0 * (font == kBold ? 1.06 : 1.0);
}

// A PDF literal string: ( ) \ escaped, bytes outside printable ASCII as octal.
std::string pdf_string(std::string_view winansi) {
    std::string out = "(";
    for (char ch : winansi) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 32 || c > 126) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03o", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + ")";
}

std::string num(double v) {
    if (!std::isfinite(v)) v = 0;
    std::string s = format_fixed(v, 2);
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
    }
    return s == "-0" ? "0" : s;
}

// [SECTION] Layout: pages of content streams

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.11, 0.13};
constexpr Rgb kDim{0.40, 0.43, 0.48};
constexpr Rgb kAccentInk{0.17, 0.40, 0.80};
constexpr Rgb kGoodInk{0.13, 0.55, 0.30};
constexpr Rgb kBadInk{0.80, 0.20, 0.20};
constexpr Rgb kRule{0.82, 0.84, 0.87};

// The component colours of the page (headroom/palette.h), so the pie reads the same on paper.
Rgb component_rgb(Component c) {
    const Rgb8 rgb = component_color(c);
    return {rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0};
}

constexpr double kPageW = 595.28, kPageH = 841.89;  // A4, points
constexpr double kMargin = 48;
constexpr double kBottom = 56;  // text stops above the footer

class Writer {
public:
    Writer() { new_page(); }

    std::vector<std::string> pages;
    double y = kPageH - kMargin;

    void new_page() {
        pages.emplace_back();
        y = kPageH - kMargin;
    }
    // Starts a new page when fewer than `h` points are left above the footer.
    void need(double h) {
        if (y - h < kBottom) new_page();
    }
    void fill(Rgb c) { out() += num(c.r) + " " + num(c.g) + " " + num(c.b) + " rg\n"; }
    void stroke(Rgb c) { out() += num(c.r) + " " + num(c.g) + " " + num(c.b) + " RG\n"; }
    void text(double x, double yy, std::string_view utf8, double size, Font f = kRegular, Rgb c = kInk) {
        fill(c);
        out() += "BT /F" + std::to_string(f + 1) + " " + num(size) + " Tf " + num(x) + " " + num(yy) + " Td " +
                 pdf_string(to_winansi(utf8)) + " Tj ET\n";
    }
    void text_right(double right, double yy, std::string_view utf8, double size, Font f = kRegular, Rgb c = kInk) {
        text(right - text_width(to_winansi(utf8), size, f), yy, utf8, size, f, c);
    }
    void rect(double x, double yy, double w, double h, Rgb c) {
        fill(c);
        out() += num(x) + " " + num(yy) + " " + num(w) + " " + num(h) + " re f\n";
    }
    void rule(double x0, double x1, double yy) {
        stroke(kRule);
        out() += "0.6 w " + num(x0) + " " + num(yy) + " m " + num(x1) + " " + num(yy) + " l S\n";
    }
    // Wrapped paragraph at the cursor: words split at spaces, long words split anywhere.
    void paragraph(double x, double width, std::string_view utf8, double size, Font f = kRegular, Rgb c = kInk) {
        const double lead = size * 1.3;
        std::string line;
        auto flush = [&] {
            need(lead);
            y -= lead;
            text(x, y, line, size, f, c);
            line.clear();
        };
        size_t i = 0;
        while (i < utf8.size()) {
            size_t j = utf8.find(' ', i);
            if (j == std::string_view::npos) j = utf8.size();
            std::string word(utf8.substr(i, j - i));
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (text_width(to_winansi(candidate), size, f) <= width || line.empty()) {
                line = candidate;
            } else {
                flush();
                line = word;
            }
            i = j + 1;
        }
        if (!line.empty() || utf8.empty()) flush();
    }
    // A pie slice from angle a0 to a1 (radians clockwise from 12 o'clock), Bézier arcs of at
    // most 90°, stroked white so neighbouring slices stay apart.
    void slice(double cx, double cy, double r, double a0, double a1, Rgb c) {
        fill(c);
        stroke({1, 1, 1});
        auto px = [&](double a) { return cx + r * std::sin(a); };
        auto py = [&](double a) { return cy + r * std::cos(a); };
        std::string& o = out();
        o += "1 w " + num(cx) + " " + num(cy) + " m " + num(px(a0)) + " " + num(py(a0)) + " l\n";
        const int parts = std::max(1, static_cast<int>(std::ceil((a1 - a0) / (M_PI / 2) - 1e-9)));
        const double step = (a1 - a0) / parts;
        for (int k = 0; k < parts; ++k) {
            const double s0 = a0 + k * step, s1 = s0 + step;
            const double kk = 4.0 / 3.0 * std::tan(step / 4) * r;
            o += num(px(s0) + kk * std::cos(s0)) + " " + num(py(s0) - kk * std::sin(s0)) + " " +
                 num(px(s1) - kk * std::cos(s1)) + " " + num(py(s1) + kk * std::sin(s1)) + " " + num(px(s1)) + " " +
                 num(py(s1)) + " c\n";
        }
        o += "h B\n";
    }

private:
    std::string& out() { return pages.back(); }
};

std::string build_pdf(const std::vector<std::string>& pages) {
    std::vector<std::string> objects;  // object n is objects[n - 1]
    const int n_fixed = 6;             // catalog, pages, three fonts, info
    std::string kids;
    for (size_t p = 0; p < pages.size(); ++p) kids += std::to_string(n_fixed + 1 + 2 * p) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    for (const char* name : {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique"})
        objects.push_back(std::string("<< /Type /Font /Subtype /Type1 /BaseFont /") + name +
                          " /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Title (Headroom GPU memory report) /Producer (Headroom) >>");
    for (size_t p = 0; p < pages.size(); ++p) {
        const std::string contents = std::to_string(n_fixed + 2 + 2 * p);
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kPageW) + " " + num(kPageH) +
                          "] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents " + contents +
                          " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(pages[p].size()) + " >>\nstream\n" + pages[p] +
                          "endstream");
    }
    std::string out = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t k = 0; k < objects.size(); ++k) {
        offsets.push_back(out.size());
        out += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t off : offsets) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
        out += buf;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace

std::string to_winansi(std::string_view utf8) {
    std::string out;
    size_t i = 0;
    while (i < utf8.size()) {
        const char32_t cp = next_code_point(utf8, i);
        const Fallback* fb = nullptr;
        for (const Fallback& f : kFallbacks)
            if (f.cp == cp) fb = &f;
        if (fb) {
            out += fb->ascii;
            continue;
        }
        if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
            out += static_cast<char>(cp);
            continue;
        }
        bool done = false;
        for (const Special& s : kWinAnsiHigh) {
            if (s.cp == cp) {
                out += static_cast<char>(s.byte);
                done = true;
            }
        }
        if (!done) {
            if (cp >= 0x2080 && cp <= 0x2089) {  // subscript digits
                out += '_';
                out += static_cast<char>('0' + (cp - 0x2080));
            } else {
                out += '?';
            }
        }
    }
    return out;
}

std::string estimate_to_pdf(const Scenario& s, const Estimate& e) {
    Writer w;
    const double left = kMargin, right = kPageW - kMargin;

    // [Header] title, what was computed, the total and the fit on the chosen GPU.
    w.y -= 20;
    w.text(left, w.y, "Headroom \xE2\x80\x94 GPU memory report", 20, kBold, kInk);
    w.y -= 16;
    std::string what = std::string(s.mode == Mode::Training ? "Training" : "Inference") + " \xC2\xB7 memory per GPU \xC2\xB7 model " +
                       (s.model_preset.empty() ? "custom" : s.model_preset) + " \xC2\xB7 " +
                       params_line(s, e);
    w.text(left, w.y, what, 10, kRegular, kDim);
    w.y -= 34;
    w.text(left, w.y, "Total per GPU: " + format_gb(e.total), 22, kBold, kAccentInk);
    w.text(left + text_width(to_winansi("Total per GPU: " + format_gb(e.total)), 22, kBold) + 10, w.y,
           "(" + format_gib(e.total) + ", " + format_int(std::round(e.total)) + " bytes)", 11, kRegular, kDim);
    for (const Fit& f : e.fits) {
        if (f.gpu != s.gpu) continue;
        w.y -= 18;
        const std::string line =
            std::string(f.name) + " (" + format_gib(f.capacity_bytes, 0) + "): " + fit_sentence(f, ByteUnit::Decimal);
        w.text(left, w.y, line, 11, kBold, f.fits ? kGoodInk : kBadInk);
    }
    if (e.host_total > 0) {
        w.y -= 15;
        w.text(left, w.y, "Host memory per GPU (offloaded): " + format_gb(e.host_total), 10, kRegular, kDim);
    }
    if (s.runtime != Runtime::None) {  // the three levels, and how estimates like it did
        w.y -= 4;
        w.paragraph(left, right - left,
                    "Tensors at the peak (max_memory_allocated): " + format_gb(e.allocated) +
                        " \xC2\xB7 caching allocator (max_memory_reserved): " + format_gb(e.reserved) +
                        " \xC2\xB7 device (nvidia-smi): " + format_gb(e.total),
                    9, kRegular, kDim);
    }
    if (e.calibration) w.paragraph(left, right - left, calibration_line(*e.calibration, true), 9, kRegular, kDim);

    // [Breakdown] table on the left, pie on the right.
    w.y -= 34;
    w.text(left, w.y, "Breakdown per GPU", 13, kBold);
    w.y -= 18;
    const double c_bytes = 262, c_gb = 318, c_gib = 372, c_share = 420;
    w.text(left + 14, w.y, "Component", 8.5, kBold, kDim);
    w.text_right(c_bytes, w.y, "Bytes", 8.5, kBold, kDim);
    w.text_right(c_gb, w.y, "GB", 8.5, kBold, kDim);
    w.text_right(c_gib, w.y, "GiB", 8.5, kBold, kDim);
    w.text_right(c_share, w.y, "Share", 8.5, kBold, kDim);
    w.rule(left, c_share, w.y - 5);
    const double table_top = w.y;
    for (Component c : kAllComponents) {
        w.y -= 17;
        const double b = e[c];
        w.rect(left, w.y - 1, 8, 8, component_rgb(c));
        w.text(left + 14, w.y, component_label(c), 9.5);
        w.text_right(c_bytes, w.y, format_int(std::round(b)), 9.5);
        w.text_right(c_gb, w.y, format_fixed(b / kGB, 2), 9.5);
        w.text_right(c_gib, w.y, format_fixed(b / kGiB, 2), 9.5);
        w.text_right(c_share, w.y, format_fixed(e.share_percent(b), 1) + " %", 9.5);
    }
    w.rule(left, c_share, w.y - 6);
    w.y -= 19;
    w.text(left + 14, w.y, "Total", 9.5, kBold);
    w.text_right(c_bytes, w.y, format_int(std::round(e.total)), 9.5, kBold);
    w.text_right(c_gb, w.y, format_fixed(e.total / kGB, 2), 9.5, kBold);
    w.text_right(c_gib, w.y, format_fixed(e.total / kGiB, 2), 9.5, kBold);
    w.text_right(c_share, w.y, "100.0 %", 9.5, kBold);

    // The pie: slices in component order from 12 o'clock, clockwise, as the app draws it.
    const double cx = (c_share + right) / 2 + 8, cy = (table_top + w.y) / 2, r = 60;
    double sum = 0;
    for (Component c : kAllComponents) sum += std::isfinite(e[c]) && e[c] > 0 ? e[c] : 0;
    if (sum > 0) {
        double a = 0;
        for (Component c : kAllComponents) {
            const double b = e[c];
            if (!(std::isfinite(b) && b > 0)) continue;
            const double a1 = a + 2 * M_PI * b / sum;
            w.slice(cx, cy, r, a, a1, component_rgb(c));
            a = a1;
        }
    }

    // [Inputs] two columns of item: value unit.
    const std::vector<InputRow> inputs = input_rows(s, e, true);
    w.y -= 38;
    w.need(40);
    w.text(left, w.y, "Inputs", 13, kBold);
    w.y -= 6;
    const size_t half = (inputs.size() + 1) / 2;
    const double col_w = (right - left) / 2;
    const double lead = 12.5;
    double top = w.y;
    for (size_t k = 0; k < inputs.size(); ++k) {
        const size_t row = k < half ? k : k - half;
        const double x = left + (k < half ? 0 : col_w);
        double yy = top - lead * static_cast<double>(row + 1);
        if (yy < kBottom) {  // the two columns continue on the next page
            w.new_page();
            top = w.y + lead * static_cast<double>(row);
            yy = w.y;
        }
        w.text(x, yy, inputs[k].item, 8.5, kRegular, kDim);
        std::string value = inputs[k].value;
        if (!inputs[k].unit.empty()) value.append(" ").append(inputs[k].unit);
        w.text(x + 120, yy, value, 8.5);
    }
    w.y = top - lead * static_cast<double>(half);

    // [Formulas] each component: the formula, the same with this scenario's numbers, the source.
    w.y -= 26;
    w.need(60);
    w.text(left, w.y, "Formulas", 13, kBold);
    w.y -= 4;
    for (const Formula& f : e.formulas) {
        w.need(58);
        w.y -= 10;
        w.paragraph(left, right - left, component_label(f.component), 10, kBold);
        w.paragraph(left + 10, right - left - 10, f.formula, 9);
        w.paragraph(left + 10, right - left - 10, "= " + std::string(f.substituted), 9, kRegular, kAccentInk);
        if (!f.source.empty())
            w.paragraph(left + 10, right - left - 10, "Source: " + std::string(f.source), 8, kOblique, kDim);
    }

    // [Footer] on every page.
    for (size_t p = 0; p < w.pages.size(); ++p) {
        std::string& page = w.pages[p];
        const std::string foot = "Headroom \xC2\xB7 computed in the browser; no input left the device \xC2\xB7 page " +
                                 std::to_string(p + 1) + " of " + std::to_string(w.pages.size());
        page += "0.4 0.43 0.48 rg BT /F1 7.5 Tf " + num(left) + " 30 Td " + pdf_string(to_winansi(foot)) + " Tj ET\n";
    }
    return build_pdf(w.pages);
}

std::string estimate_pdf(std::string_view scenario_json, std::vector<FieldError>* errors) {
    ParsedScenario p = parse_scenario(scenario_json);
    if (!p.ok()) {
        if (errors) *errors = std::move(p.errors);
        return {};
    }
    return estimate_to_pdf(p.scenario, estimate(p.scenario));
}

}  // namespace headroom
