// Import a Hugging Face config.json (the text of the file) as a ModelArch. Reads the key
// names of llama, mistral, mixtral, qwen2, qwen2_moe, gemma, gemma2, phi3, gpt2, bert,
// deepseek_v2 and deepseek_v3 configs; other decoder types are read as Llama-style. Never
// throws; a missing or bad key is named in `errors` by its config.json key.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "headroom/model.h"
#include "headroom/scenario.h"

namespace headroom {

struct HfImport {
    ModelArch arch;
    std::string model_type;          // config.json "model_type", e.g. "llama"
    std::vector<FieldError> errors;  // field: the config.json key, e.g. "num_hidden_layers"
    std::vector<std::string> notes;  // assumptions made, one sentence each
    bool ok() const { return errors.empty(); }
};

HfImport import_hf_config(std::string_view config_json);

// The import as JSON and back, for a page whose importer runs in another module
// (web/extras/extras.cpp): {"model": {...}, "model_type": "...", "notes": [...]} with the model as
// the scenario contract writes a custom architecture, or {"errors": [...]}.
std::string hf_import_to_json(std::string_view config_json);
HfImport hf_import_from_json(std::string_view import_json);

}  // namespace headroom
