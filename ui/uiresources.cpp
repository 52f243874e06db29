#include "ui/uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initResources()
{
    Q_INIT_RESOURCE(socketlab);
}

namespace socketlab {

void initUiResources()
{
    static const bool done = (initResources(), true);
    Q_UNUSED(done);
}

} // namespace socketlab
