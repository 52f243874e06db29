#pragma once

// The clients used to be tabs; they are panes side by side now (ui/clientpanes.h). Kept one
// release for code written against the old name.
#include "ui/clientpanes.h"

namespace socketlab {
using ClientTabs = ClientPanes;
} // namespace socketlab
