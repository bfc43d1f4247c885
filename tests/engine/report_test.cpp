// Report writers: the result JSON of the contract and RFC 4180 CSV.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "headroom/report.h"

using namespace headroom;
using json = nlohmann::json;

TEST(ResultJson, FollowsTheContract) {
    const json r = json::parse(estimate_json("{}"));
    const json& per_gpu = r["per_gpu"];
    long long sum = 0;
    for (const char* k : {"weights", "master_weights", "gradients", "optimizer_states", "activations", "kv_cache", "overhead"}) {
        ASSERT_TRUE(per_gpu[k].is_number_integer()) << k;
        sum += per_gpu[k].get<long long>();
    }
    // Whole bytes: each rounded on its own, so the sum may differ from the total by a byte or so.
    EXPECT_NEAR(double(sum), per_gpu["total"].get<double>(), 4);
    EXPECT_EQ(r["params"]["total"], 8030261248LL);  // Llama 3.1 8B from its config.json
    EXPECT_EQ(r["formulas"].size(), 7u);
    EXPECT_EQ(r["formulas"][4]["component"], "activations");
    EXPECT_FALSE(r["fits"].empty());
    EXPECT_EQ(r["fits"][0]["gpu"], "a100-40gb");
}

TEST(ResultJson, ErrorsInsteadOfAResult) {
    const json r = json::parse(estimate_json(R"({"batch":0})"));
    ASSERT_TRUE(r.contains("errors"));
    EXPECT_FALSE(r.contains("per_gpu"));
    EXPECT_EQ(r["errors"][0]["field"], "batch");
}

TEST(Csv, Rfc4180WithUnitsInTheHeader) {
    std::vector<FieldError> errors;
    const std::string csv = estimate_csv("{}", &errors);
    ASSERT_TRUE(errors.empty());
    // CRLF line ends, every line.
    size_t lines = 0;
    for (size_t i = 0; i < csv.size(); ++i)
        if (csv[i] == '\n') {
            ASSERT_GT(i, 0u);
            EXPECT_EQ(csv[i - 1], '\r') << "line " << lines;
            ++lines;
        }
    EXPECT_EQ(csv.back(), '\n');
    const std::string header = csv.substr(0, csv.find("\r\n"));
    EXPECT_EQ(header, "section,item,value,unit,bytes (B),size (GB = 1e9 B),size (GiB = 2^30 B),share of total (%)");
    EXPECT_NE(csv.find("\r\ninput,batch,1,sequences,,,,\r\n"), std::string::npos);
    // The total row: seed 001's default total is 161.4 GB; GB and GiB are the same bytes.
    const size_t at = csv.find("\r\nper_gpu,total,,,");
    ASSERT_NE(at, std::string::npos) << csv;
    std::vector<std::string> cells;
    std::string row = csv.substr(at + 2, csv.find("\r\n", at + 2) - at - 2), cell;
    for (char c : row + ",") {
        if (c == ',') { cells.push_back(cell); cell.clear(); } else cell += c;
    }
    ASSERT_EQ(cells.size(), 8u);
    const double bytes = std::stod(cells[4]);
    EXPECT_NEAR(bytes / 1e9, 161.4, 0.05);
    EXPECT_NEAR(std::stod(cells[5]), bytes / 1e9, 0.0005);
    EXPECT_NEAR(std::stod(cells[6]), bytes / 1073741824.0, 0.0005);
    EXPECT_EQ(cells[7], "100.00");
}

TEST(Csv, InvalidScenarioGivesErrorsAndNoCsv) {
    std::vector<FieldError> errors;
    EXPECT_EQ(estimate_csv(R"({"seq_len":-1})", &errors), "");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "seq_len");
}
