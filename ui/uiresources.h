#pragma once

namespace socketlab {

// The icons and the presentation stylesheet live in this static library's resources, which
// must be registered once by the program that links it.
void initUiResources();

} // namespace socketlab
