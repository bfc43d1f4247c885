// Internal to the estimator: weights as a quantization method stores them, and GGUF's tensor
// types. What each method packs, the scales and zeros it adds per group, and the layers it
// leaves in 16 bits are data here, each with its source.
#pragma once
#include <span>
#include <vector>

#include "headroom/model.h"
#include "headroom/scenario.h"

namespace headroom::detail {

// ggml's tensor types (ggml-common.h): bytes per block of elements.
enum class Ggml : unsigned char {
    F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K,
    IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S, IQ4_NL, IQ4_XS
};
double ggml_bytes_per_element(Ggml t);
Ggml ggml_of(GgmlType t);  // a KV-cache type of llama_cpp.type_k / type_v

// A GGUF file's tensor bytes (llama.cpp's llama_tensor_get_type picks each tensor's type from
// the file type): the token embedding (kept in host memory by llama.cpp), the output layer and
// the final norm, and each layer's tensors.
struct GgufBytes {
    double token_embd = 0;
    double output = 0;  // output.weight (0 when tied to the embedding) and output_norm
    std::vector<double> layers;
    double total() const;
};
GgufBytes gguf_bytes(const ModelArch& m, GgufType type);

// The weights as a method stores them: the matrices it packs (every projection inside the
// layers, experts included) at `packed_each` bytes per weight including its scales, zeros and
// indices, and what it keeps unpacked (embeddings, output layer, norms, biases, routers) at the
// weights' dtype. For GGUF, `bytes` is the file's tensor data.
struct StoredWeights {
    double bytes = 0;          // all of them
    double packed = 0;         // weights packed
    double packed_each = 0;    // bytes per packed weight
    double kept = 0;           // weights kept unpacked
    double kept_each = 0;      // bytes per kept weight
};
StoredWeights stored_weights(const Scenario& s, std::span<const Matrix> matrices);

// Whether the scenario's weights are packed by a method (quantization.method, or QLoRA's NF4 base).
bool quantized(const Scenario& s);

}  // namespace headroom::detail
