// The preset picker's filter (web/ui/search.h).
#include "ui/search.h"

#include <gtest/gtest.h>

namespace {

TEST(Search, EveryWordAnywhereIgnoringCase) {
    EXPECT_TRUE(search::Matches("Llama 3.1 70B", "llama 70"));
    EXPECT_TRUE(search::Matches("Llama 3.1 70B", "70b LLAMA"));
    EXPECT_FALSE(search::Matches("Llama 3.1 70B", "llama 8b"));
    EXPECT_TRUE(search::Matches("Mixtral 8x7B", "mixtral"));
}

TEST(Search, EmptyOrBlankQueryMatchesAll) {
    EXPECT_TRUE(search::Matches("GPT-2", ""));
    EXPECT_TRUE(search::Matches("GPT-2", "   "));
    EXPECT_TRUE(search::Matches("", ""));
    EXPECT_FALSE(search::Matches("", "x"));
}

}  // namespace
