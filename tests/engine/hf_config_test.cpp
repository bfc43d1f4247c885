// Hugging Face config.json import: each family's published config (abridged to the keys that
// matter, values as published) gives the preset's architecture; bad configs name the key.
#include <gtest/gtest.h>

#include "headroom/hf_config.h"

using namespace headroom;

namespace {

ModelArch imported(const char* text) {
    const HfImport r = import_hf_config(text);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].field + ": " + r.errors[0].message);
    return r.arch;
}

// The same architecture once "0 = default" sizes are made explicit (a config may leave out
// head_dim where the preset spells it out).
ModelArch normal(ModelArch m) {
    m.head_dim = effective_head_dim(m);
    m.ffn = effective_ffn(m);
    return m;
}

void expect_preset(const ModelArch& m, const char* id) {
    EXPECT_EQ(normal(m), normal(find_model(id)->arch)) << id;
    EXPECT_DOUBLE_EQ(derived_params(m), derived_params(find_model(id)->arch)) << id;
}

}  // namespace

// meta-llama/Llama-3.1-8B config.json.
TEST(HfConfig, Llama31_8b) {
    const ModelArch m = imported(R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":4096,
        "intermediate_size":14336,"num_attention_heads":32,"num_hidden_layers":32,"num_key_value_heads":8,
        "vocab_size":128256,"hidden_act":"silu","tie_word_embeddings":false,"rms_norm_eps":1e-05,
        "rope_scaling":{"factor":8.0,"rope_type":"llama3"},"head_dim":128,"torch_dtype":"bfloat16"})");
    expect_preset(m, "llama-3.1-8b");
}

// mistralai/Mixtral-8x7B-v0.1 config.json.
TEST(HfConfig, Mixtral) {
    const ModelArch m = imported(R"({"model_type":"mixtral","hidden_size":4096,"intermediate_size":14336,
        "num_attention_heads":32,"num_hidden_layers":32,"num_key_value_heads":8,"num_local_experts":8,
        "num_experts_per_tok":2,"vocab_size":32000,"sliding_window":null,"tie_word_embeddings":false})");
    expect_preset(m, "mixtral-8x7b");
}

// Qwen/Qwen2.5-7B config.json: use_sliding_window false, so the window is ignored.
TEST(HfConfig, Qwen25) {
    const ModelArch m = imported(R"({"model_type":"qwen2","hidden_size":3584,"intermediate_size":18944,
        "num_attention_heads":28,"num_hidden_layers":28,"num_key_value_heads":4,"vocab_size":152064,
        "sliding_window":131072,"use_sliding_window":false,"tie_word_embeddings":false,"hidden_act":"silu"})");
    expect_preset(m, "qwen2.5-7b");
}

// google/gemma-2-9b config.json.
TEST(HfConfig, Gemma2) {
    const ModelArch m = imported(R"({"model_type":"gemma2","hidden_size":3584,"intermediate_size":14336,
        "num_attention_heads":16,"num_hidden_layers":42,"num_key_value_heads":8,"head_dim":256,
        "vocab_size":256000,"sliding_window":4096,"hidden_activation":"gelu_pytorch_tanh"})");
    expect_preset(m, "gemma-2-9b");
}

// openai-community/gpt2 config.json (n_inner null = 4 x n_embd).
TEST(HfConfig, Gpt2) {
    const ModelArch m = imported(R"({"model_type":"gpt2","n_embd":768,"n_head":12,"n_layer":12,"n_positions":1024,
        "n_inner":null,"vocab_size":50257,"activation_function":"gelu_new"})");
    expect_preset(m, "gpt2");
}

// google-bert/bert-base-uncased config.json.
TEST(HfConfig, Bert) {
    const ModelArch m = imported(R"({"model_type":"bert","hidden_size":768,"intermediate_size":3072,
        "num_attention_heads":12,"num_hidden_layers":12,"max_position_embeddings":512,"type_vocab_size":2,
        "vocab_size":30522,"hidden_act":"gelu"})");
    expect_preset(m, "bert-base");
}

// deepseek-ai/DeepSeek-V3 config.json.
TEST(HfConfig, DeepSeekV3) {
    const ModelArch m = imported(R"({"model_type":"deepseek_v3","hidden_size":7168,"intermediate_size":18432,
        "moe_intermediate_size":2048,"num_attention_heads":128,"num_hidden_layers":61,"num_key_value_heads":128,
        "n_routed_experts":256,"n_shared_experts":1,"num_experts_per_tok":8,"first_k_dense_replace":3,
        "q_lora_rank":1536,"kv_lora_rank":512,"qk_nope_head_dim":128,"qk_rope_head_dim":64,"v_head_dim":128,
        "vocab_size":129280,"tie_word_embeddings":false,"num_nextn_predict_layers":1})");
    expect_preset(m, "deepseek-v3");
}

// microsoft/Phi-3-mini-4k-instruct config.json (sliding_window 2047).
TEST(HfConfig, Phi3) {
    const ModelArch m = imported(R"({"model_type":"phi3","hidden_size":3072,"intermediate_size":8192,
        "num_attention_heads":32,"num_hidden_layers":32,"num_key_value_heads":32,"vocab_size":32064,
        "sliding_window":2047,"tie_word_embeddings":false,"hidden_act":"silu"})");
    expect_preset(m, "phi-3-mini");
}

TEST(HfConfig, MissingKeysAreNamed) {
    const HfImport r = import_hf_config(R"({"model_type":"llama","hidden_size":4096,"vocab_size":32000})");
    ASSERT_EQ(r.errors.size(), 3u);
    EXPECT_EQ(r.errors[0].field, "num_hidden_layers");
    EXPECT_EQ(r.errors[1].field, "num_attention_heads");
    EXPECT_EQ(r.errors[2].field, "intermediate_size");
    EXPECT_NE(r.errors[0].message.find("n_layer"), std::string::npos);
    EXPECT_EQ(import_hf_config(R"({"model_type":"llama","num_hidden_layers":"32"})").errors[0].field, "num_hidden_layers");
    EXPECT_EQ(import_hf_config("not json").errors[0].field, "");
    EXPECT_EQ(import_hf_config("[1]").errors.size(), 1u);
    EXPECT_FALSE(import_hf_config(R"({"model_type":"mixtral","hidden_size":8,"intermediate_size":8,"num_attention_heads":2,
        "num_hidden_layers":2,"vocab_size":8,"num_local_experts":8})").ok());  // num_experts_per_tok missing
}
