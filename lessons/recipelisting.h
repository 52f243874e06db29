#pragma once

#include "lessons/codelisting.h"

namespace socketlab {

// Pieces of the recipe's own programs that several lessons show.
class RecipeListing
{
public:
    // The iterative server's loop: accept, recv while there is data, close, again.
    static CodeListing iterativeServerLoop();
};

} // namespace socketlab
