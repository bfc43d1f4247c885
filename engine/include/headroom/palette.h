// The one colour of each memory component, wherever a component is drawn: the page's pie,
// table, bars and formulas (web/ui/theme.cpp), the PDF report's pie and legend
// (engine/src/pdf.cpp) and the site's icon (assets/icons/icon.svg names them, filled in at build
// time by web/tools/make_icons.mjs). Mid-tone hues that read on a dark and a light background
// alike, and on paper.
#pragma once
#include <cstdint>

#include "headroom/estimate.h"

namespace headroom {

struct Rgb8 {
    std::uint8_t r, g, b;
};

constexpr Rgb8 component_color(Component c) {
    switch (c) {
        case Component::Weights: return {76, 139, 245};
        case Component::MasterWeights: return {146, 124, 240};
        case Component::Gradients: return {43, 179, 163};
        case Component::OptimizerStates: return {242, 169, 59};
        case Component::Activations: return {239, 93, 122};
        case Component::KvCache: return {124, 196, 106};
        // A runtime's own lines.
        case Component::Temporaries: return {222, 122, 200};
        case Component::Workspaces: return {190, 168, 88};
        case Component::CudaGraphs: return {84, 188, 218};
        case Component::AllocatorReserve: return {172, 132, 102};
        case Component::Communication: return {214, 98, 62};
        case Component::CudaContext: return {108, 118, 134};
        case Component::Overhead: return {139, 147, 161};
    }
    return {200, 200, 200};
}

}  // namespace headroom
