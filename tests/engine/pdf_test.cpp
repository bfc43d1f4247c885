// The PDF report: a well-formed PDF 1.4 file, ASCII only, carrying the numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "headroom/estimate.h"
#include "headroom/format.h"
#include "headroom/pdf.h"

namespace headroom {
namespace {

TEST(Pdf, WinAnsiFallbacks) {
    EXPECT_EQ(to_winansi("plain"), "plain");
    EXPECT_EQ(to_winansi("\xE2\x88\x9A" "L"), "sqrtL");                       // √L
    EXPECT_EQ(to_winansi("\xE2\x8C\x88" "x\xE2\x8C\x89"), "ceil(x)");          // ⌈x⌉
    EXPECT_EQ(to_winansi("a \xC3\x97 b \xC2\xB7 c\xC2\xB2"), "a \xD7 b \xB7 c\xB2");  // × · ² are WinAnsi
    EXPECT_EQ(to_winansi("\xE2\x80\x94"), "\x97");                             // em dash
    EXPECT_EQ(to_winansi("\xE2\x88\x92" "1"), "-1");                           // minus sign
    EXPECT_EQ(to_winansi("\xCE\xB1"), "alpha");
    EXPECT_EQ(to_winansi("b\xE2\x82\x82"), "b_2");                             // subscript two
    EXPECT_EQ(to_winansi("\xF0\x9F\x98\x80"), "?");                            // emoji
    EXPECT_EQ(to_winansi("\xFF"), "?");                                        // malformed UTF-8
}

TEST(Pdf, WellFormedAndAscii) {
    const Scenario s = default_scenario();
    const std::string pdf = estimate_to_pdf(s, estimate(s));
    ASSERT_GT(pdf.size(), 2000u);
    EXPECT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    for (char c : pdf) ASSERT_TRUE(c == '\n' || (c >= 32 && c <= 126)) << static_cast<int>(static_cast<unsigned char>(c));
    // startxref points at the xref table, and every object offset at its "n 0 obj".
    const size_t sx = pdf.rfind("startxref\n");
    const size_t xref = std::strtoull(pdf.c_str() + sx + 10, nullptr, 10);
    ASSERT_EQ(pdf.compare(xref, 4, "xref"), 0);
    size_t line = pdf.find('\n', pdf.find('\n', xref) + 1) + 1 + 20;  // skip "xref", "0 N", the free entry
    for (int obj = 1; pdf.compare(line, 7, "trailer") != 0; ++obj, line += 20) {
        const size_t off = std::strtoull(pdf.c_str() + line, nullptr, 10);
        EXPECT_EQ(pdf.compare(off, std::to_string(obj).size() + 6, std::to_string(obj) + " 0 obj"), 0) << obj;
    }
    EXPECT_NE(pdf.find("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"), std::string::npos);
}

TEST(Pdf, CarriesTheNumbers) {
    const Scenario s = default_scenario();
    const Estimate e = estimate(s);
    const std::string pdf = estimate_to_pdf(s, e);
    EXPECT_NE(pdf.find("(Total per GPU: " + format_gb(e.total) + ")"), std::string::npos);
    EXPECT_NE(pdf.find("(" + format_int(std::round(e[Component::Weights])) + ")"), std::string::npos);
    EXPECT_NE(pdf.find(" c\n"), std::string::npos);  // the pie's Bézier arcs
    for (const Formula& f : e.formulas)
        if (!f.source.empty()) EXPECT_NE(pdf.find("Source: "), std::string::npos);
}

TEST(Pdf, ManyFormulasFlowOntoMorePagesAndInvalidInputIsNamed) {
    std::vector<FieldError> errors;
    EXPECT_TRUE(estimate_pdf(R"({"batch":0})", &errors).empty());
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].field, "batch");
    errors.clear();
    const std::string pdf = estimate_pdf(R"({"mode":"inference","batch":4})", &errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_NE(pdf.find("/Count "), std::string::npos);
}

}  // namespace
}  // namespace headroom
